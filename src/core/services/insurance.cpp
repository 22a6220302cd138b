#include "core/services/insurance.h"

#include <algorithm>

#include "core/text.h"

namespace nx::services {

using nlohmann::json;

namespace {
constexpr std::string_view kPlanFields[] = {"name",         "plan_type",  "unit_id",    "quota",
                                            "period_start", "period_end", "description", "enrolled"};
constexpr std::string_view kEnrolmentFields[] = {"plan_id", "member_id",   "owner_id",       "unit_id",
                                                 "status",  "enrolled_at", "withdraw_reason"};
}  // namespace

Errors validate_insurance_plan(const json& fields) {
  json_in::Reader r(fields, "fields");
  if (!r.ok()) return r.take_errors();
  refuse_unknown_fields(r, fields, kPlanFields);
  r.required_str("name", 60);
  if (!r.has("plan_type")) r.require("plan_type");
  else r.one_of("plan_type", kPlanTypes);
  read_id(r, "unit_id", true);
  if (!r.has("quota")) r.require("quota");
  else r.int_in("quota", 1, kMaxQuota);
  std::optional<std::string> start, end;
  if (!r.has("period_start")) r.require("period_start");
  else start = r.date("period_start");
  if (!r.has("period_end")) r.require("period_end");
  else end = r.date("period_end");
  if (start && end && *civil::parse_date(*end) < *civil::parse_date(*start))
    r.add(catalog_error("period_invalid", "period_end", Msg::ErrThePeriodCannotEndBeforeIt));
  r.str("description", 1000);
  r.int_in("enrolled", 0, kMaxQuota);  // kept by the server: see places_taken_in_plan()
  return r.take_errors();
}

Errors validate_insurance_enrolment(const json& fields) {
  json_in::Reader r(fields, "fields");
  if (!r.ok()) return r.take_errors();
  refuse_unknown_fields(r, fields, kEnrolmentFields);
  read_id(r, "plan_id", true);
  read_id(r, "member_id", true);
  read_id(r, "owner_id", true);
  read_id(r, "unit_id", true);
  if (!r.has("status")) r.require("status");
  else r.one_of("status", std::array<std::string_view, 2>{"enrolled", "withdrawn"});
  r.datetime("enrolled_at");
  r.str("withdraw_reason", 500);
  return r.take_errors();
}

const Workflow& insurance_enrolment_workflow() {
  static const Workflow wf{"insurance_enrolment",
                           "enrolled",
                           {"enrolled", "withdrawn"},
                           {{"withdraw", {"enrolled"}, "withdrawn", kOwner | kUnitStaff}}};
  return wf;
}

bool member_in_good_standing(const json& member, std::int64_t now_ms) {
  if (field_str(member, "status") != "active") return false;
  // The membership area stores an open-ended membership without valid_until (or "").
  auto it = member.find("valid_until");
  if (it == member.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  const std::string& text = it->get_ref<const std::string&>();
  if (text.empty()) return true;
  auto until = civil::parse_date(text);
  return until && *until >= china_today(now_ms);
}

std::size_t enrolled_count(const sync::RecordSource& records, const std::string& plan_id) {
  std::size_t n = 0;
  for (const sync::Record* e : records.find("insurance_enrolment", "plan_id", plan_id))
    if (e->str("status") == "enrolled") ++n;
  return n;
}

std::size_t places_taken_in_plan(const sync::RecordSource& records, const std::string& plan_id) {
  const sync::Record* plan = records.get("insurance_plan", plan_id);
  const std::int64_t kept = plan ? plan->integer("enrolled", 0) : 0;
  return std::max(enrolled_count(records, plan_id), static_cast<std::size_t>(std::max<std::int64_t>(0, kept)));
}

namespace {

Status enrolment_on_create(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  const json& f = ctx.fields;
  const std::string plan_id = field_str(f, "plan_id");
  const sync::Record* plan = live_record(*ctx.records, "insurance_plan", plan_id);
  if (!plan) return not_found("plan_id", Msg::NounInsurancePlan);
  if (field_str(f, "unit_id") != plan->str("unit_id")) return mismatch("unit_id", Msg::NounInsurancePlan);
  const civil::Date today = china_today(ctx.now_ms);
  auto start = civil::parse_date(plan->str("period_start"));
  auto end = civil::parse_date(plan->str("period_end"));
  if (!start || !end || today < *start || today > *end)
    return catalog_error("plan_not_open", "plan_id", Msg::ErrThisPlanIsNotOpenNow, {plan->str("period_start"), plan->str("period_end")});

  const sync::Record* member = live_record(*ctx.records, "member", field_str(f, "member_id"));
  if (!member) return not_found("member_id", Msg::NounMemberRecord);
  if (member->str("owner_id") != field_str(f, "owner_id")) return mismatch("member_id", Msg::NounMemberRecord);
  if (!member_in_good_standing(member->fields, ctx.now_ms))
    return catalog_error("not_eligible", "member_id", Msg::ErrOnlyUnionMembersInGoodStanding);

  for (const sync::Record* e : ctx.records->find("insurance_enrolment", "plan_id", plan_id)) {
    if (e->str("status") != "enrolled") continue;
    if (e->str("member_id") == field_str(f, "member_id") || e->str("owner_id") == field_str(f, "owner_id"))
      return catalog_error("already_enrolled", "member_id", Msg::ErrYouAreAlreadyEnrolledInThis);
  }
  if (static_cast<std::int64_t>(places_taken_in_plan(*ctx.records, plan_id)) >= plan->integer("quota", 0))
    return catalog_error("quota_full", "plan_id", Msg::ErrThisPlanHasNoPlacesLeft);
  ctx.fields["enrolled_at"] = civil::format_datetime_utc(ctx.now_ms);
  return ok_status();
}

Status enrolment_on_step(const std::string& transition, kinds::StepContext& ctx) {
  if (transition != "withdraw") return ok_status();
  if (Status s = only_params(ctx.params, {"reason"}); !s) return s;
  json_in::Reader p(ctx.params, "params");
  auto reason = p.str("reason", 500);
  if (!p.ok()) return p.errors().front();
  ctx.fields.erase("reason");
  if (reason && !text::trim(*reason).empty()) ctx.fields["withdraw_reason"] = *reason;
  return ok_status();
}

}  // namespace

kinds::KindSpec insurance_plan_kind() {
  kinds::KindSpec spec;
  spec.name = "insurance_plan";
  spec.validate = validate_insurance_plan;
  spec.create_rights = kUnitStaff;
  spec.edit_rights = kUnitStaff;
  spec.step_only_fields = {"enrolled"};  // the server's count, never typed in
  spec.is_public = true;
  return spec;
}

kinds::KindSpec insurance_enrolment_kind() {
  kinds::KindSpec spec;
  spec.name = "insurance_enrolment";
  spec.validate = validate_insurance_enrolment;
  spec.workflow = &insurance_enrolment_workflow();
  spec.create_rights = kOwner | kUnitStaff;
  // The plan, member and person of an enrolment never change; withdraw and enrol again.
  spec.edit_rights = kAdmin;
  spec.step_only_fields = {"enrolled_at", "withdraw_reason"};
  spec.on_create = enrolment_on_create;
  spec.on_step = enrolment_on_step;
  spec.recounts = {{kinds::Counter::PlanEnrolments, "plan_id"}};
  return spec;
}

}  // namespace nx::services
