// Membership applications: decoding, the workflow, and the rules of each step.
//
// [SECTION] Decoding and invariants
// [SECTION] Workflow
// [SECTION] Rules on create and on each step
#include "core/membership/application.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/membership/member_number.h"
#include "core/membership/routing.h"
#include "core/membership/steps.h"
#include "core/membership/unit.h"
#include "core/text.h"

namespace nx::membership {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 21> kApplicationFields = {
    "name",         "phone",       "trade",      "employer",        "area",       "owner_id",     "unit_id",
    "routing_reason", "consent",   "status",     "member_no",       "created_by", "created_at",   "submitted_at",
    "decided_by",   "decided_at",  "reject_reason", "info_request", "info_reply", "withdraw_reason", "steps"};

constexpr std::size_t kReasonChars = 200;

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

}  // namespace

bool application_waiting(std::string_view status) { return status == "submitted" || status == "resubmitted"; }

bool application_open(std::string_view status) {
  return one_of(status, {"draft", "submitted", "needs_info", "resubmitted"});
}

// [SECTION] Decoding and invariants ----------------------------------------------------------

Decoded<Application> decode_application(const json& fields) {
  Decoded<Application> out;
  Application& a = out.value;
  json_in::Reader r(fields, "membership_application");
  read_person(r, fields, a.person);
  a.owner_id = optional_id(r, "owner_id");
  a.unit_id = required_id(r, "unit_id");
  if (given(r, fields, "routing_reason"))
    a.routing_reason = r.one_of("routing_reason", kRouteReasons).value_or("");
  a.consent = r.boolean("consent").value_or(false);
  if (auto s = r.one_of("status", kApplicationStates)) a.status = *s;
  else r.require("status");
  a.member_no = r.str("member_no", 23).value_or("");
  if (!a.member_no.empty() && !is_member_number(a.member_no))
    r.add(catalog_error("member_no_invalid", "member_no", Msg::ErrNotAValidMemberNumber));
  // User ids as the server issues them; written by the steps, never typed.
  a.created_by = r.str("created_by", 64).value_or("");
  a.decided_by = r.str("decided_by", 64).value_or("");
  a.created_at = r.datetime("created_at").value_or("");
  a.submitted_at = r.datetime("submitted_at").value_or("");
  a.decided_at = r.datetime("decided_at").value_or("");
  a.reject_reason = optional_text(r, "reject_reason", kReasonChars);
  a.info_request = optional_text(r, "info_request", kReasonChars);
  a.info_reply = optional_text(r, "info_reply", 500);
  a.withdraw_reason = optional_text(r, "withdraw_reason", kReasonChars);
  if (auto e = check_steps_field(fields)) r.add(*e);
  refuse_unknown_fields(r, fields, kApplicationFields);

  // What each state implies: these hold after every change, edits by staff included.
  if (r.ok()) {
    if (!one_of(a.status, {"draft", "withdrawn"}) && !a.consent)
      r.add(catalog_error("consent_required", "consent", Msg::ErrPleaseReadAndAcceptTheMembership));
    if (a.status == "approved" && a.member_no.empty())
      r.add(catalog_error("required", "member_no", Msg::ErrAnApprovedApplicationHasAMember));
    if (a.status != "approved" && !a.member_no.empty())
      r.add(catalog_error("member_no_unexpected", "member_no", Msg::ErrOnlyAnApprovedApplicationHasA));
    if (a.status == "rejected" && text::trim(a.reject_reason).empty())
      r.add(catalog_error("required", "reject_reason", Msg::ErrSayWhyTheApplicationIsNot));
    if (a.status == "needs_info" && text::trim(a.info_request).empty())
      r.add(catalog_error("required", "info_request", Msg::ErrSayWhatInformationIsNeeded));
  }
  out.errors = r.take_errors();
  return out;
}

Errors validate_application(const json& fields) { return decode_application(fields).errors; }

// [SECTION] Workflow -------------------------------------------------------------------------

const Workflow& application_workflow() {
  static const Workflow wf{
      kApplicationKind,
      "draft",
      {kApplicationStates.begin(), kApplicationStates.end()},
      {
          {"revise", {"draft"}, "draft", kOwner | kUnitStaff},
          {"submit", {"draft"}, "submitted", kOwner | kUnitStaff},
          {"approve", {"submitted", "resubmitted"}, "approved", kUnitStaff},
          {"reject", {"submitted", "resubmitted"}, "rejected", kUnitStaff},
          {"request_info", {"submitted", "resubmitted"}, "needs_info", kUnitStaff},
          {"resubmit", {"needs_info"}, "resubmitted", kOwner | kUnitStaff},
          {"withdraw", {"draft", "submitted", "needs_info", "resubmitted"}, "withdrawn", kOwner | kUnitStaff},
      }};
  return wf;
}

// [SECTION] Rules on create and on each step ------------------------------------------------

namespace {

constexpr std::array<std::string_view, 6> kApplicantParams = {"name", "phone", "trade", "employer", "area", "consent"};
constexpr std::array<std::string_view, 7> kResubmitParams = {"name", "phone", "trade", "employer", "area", "consent", "info_reply"};
constexpr std::array<std::string_view, 1> kWithdrawParams = {"withdraw_reason"};
constexpr std::array<std::string_view, 1> kRejectParams = {"reject_reason"};
constexpr std::array<std::string_view, 1> kInfoParams = {"info_request"};

// Staff entered it on the spot (集中入会): for someone without an account, or for a worker
// standing beside them.
bool entered_by_staff(const json& fields) {
  const std::string owner = field_str(fields, "owner_id");
  return owner.empty() || field_str(fields, "created_by") != owner;
}

// The applicant's own steps. The workflow already let through only the owner and staff of the
// unit; staff pass here only for applications they entered.
Status check_applicant_side(const kinds::StepContext& ctx) {
  const std::string owner = ctx.before.str("owner_id");
  if (!owner.empty() && owner == ctx.actor.user_id) return ok_status();
  if (ctx.actor.role != Role::Worker && entered_by_staff(ctx.before.fields)) return ok_status();
  return catalog_error("applicant_only", "transition", Msg::ErrOnlyTheApplicantCanDoThis);
}

Error already_member(const sync::Record& m, const std::string& field) {
  const std::string no = m.str("member_no");
  if (m.str("status") == "lapsed")
    return catalog_error("already_member", field, Msg::ErrAlreadyAMemberWhoseMembershipLapsed, {no});
  return catalog_error("already_member", field, Msg::ErrAlreadyAMemberOneCannotJoin, {no});
}

Status on_create_application(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  const sync::Record* unit = ctx.records->get(kUnitKind, field_str(ctx.fields, "unit_id"));
  if (!unit || !unit_from_record(*unit))
    return catalog_error("unit_unknown", "unit_id", Msg::ErrTheChosenUnionUnitDoesNot);
  if (const std::string owner = field_str(ctx.fields, "owner_id"); !owner.empty()) {
    for (const sync::Record* m : ctx.records->find("member", "owner_id", owner)) return already_member(*m, "owner_id");
    for (const sync::Record* a : ctx.records->find(kApplicationKind, "owner_id", owner))
      if (a->id != ctx.before.id && application_open(a->str("status")))
        return catalog_error("application_open", "owner_id", Msg::ErrThereIsAlreadyAnApplicationIn);
  }
  ctx.fields["created_by"] = ctx.actor.user_id;
  ctx.fields["created_at"] = iso_moment(ctx.now_ms);
  append_step(ctx.fields, "create", ctx.actor, ctx.now_ms);
  return ok_status();
}

Status approve(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  // One person, one membership: the phone is the person (the names of different people can
  // match; see duplicates.h for the softer warnings shown before this point).
  const std::string phone = field_str(ctx.fields, "phone");
  for (const sync::Record* m : ctx.records->find("member", "phone", phone)) return already_member(*m, "phone");
  for (const sync::Record* a : ctx.records->find(kApplicationKind, "phone", phone))
    if (a->id != ctx.before.id && a->str("status") == "approved")
      return catalog_error("already_member", "phone", Msg::ErrAnApplicationWithThisMobileNumber, {a->str("member_no")});
  const civil::Date today = civil::to_china_local(ctx.now_ms).date;
  ctx.fields["member_no"] = issue_member_number(ctx.before.id, today, ctx.records);
  return ok_status();
}

Status on_step_application(const std::string& t, kinds::StepContext& ctx) {
  Status s = ok_status();
  std::string note;
  if (t == "revise" || t == "submit") {
    s = only_params(t, ctx.params, kApplicantParams);
    if (s) s = check_applicant_side(ctx);
  } else if (t == "resubmit") {
    s = only_params(t, ctx.params, kResubmitParams);
    if (s) s = check_applicant_side(ctx);
  } else if (t == "withdraw") {
    s = only_params(t, ctx.params, kWithdrawParams);
    if (s) s = check_applicant_side(ctx);
    note = field_str(ctx.params, "withdraw_reason");
  } else if (t == "approve") {
    s = only_params(t, ctx.params, {});
    if (s) s = approve(ctx);
    if (s) note = field_str(ctx.fields, "member_no");
  } else if (t == "reject") {
    s = only_params(t, ctx.params, kRejectParams);
    if (s) s = required_param_text(ctx.params, "reject_reason", kReasonChars, Msg::ErrSayWhyNotApproved);
    note = field_str(ctx.params, "reject_reason");
  } else if (t == "request_info") {
    s = only_params(t, ctx.params, kInfoParams);
    if (s) s = required_param_text(ctx.params, "info_request", kReasonChars, Msg::ErrSayWhatApplicantAdds);
    note = field_str(ctx.params, "info_request");
  }
  if (!s) return s;

  const std::string now = iso_moment(ctx.now_ms);
  if (t == "submit" || t == "resubmit") {
    auto consent = ctx.fields.find("consent");
    if (consent == ctx.fields.end() || !consent->is_boolean() || !consent->get<bool>())
      return catalog_error("consent_required", "consent", Msg::ErrPleaseReadAndAcceptTheMembership);
    ctx.fields["submitted_at"] = now;
  }
  if (t == "approve" || t == "reject") {
    ctx.fields["decided_at"] = now;
    ctx.fields["decided_by"] = ctx.actor.user_id;
  }
  append_step(ctx.fields, t, ctx.actor, ctx.now_ms, note);
  return ok_status();
}

}  // namespace

kinds::KindSpec application_kind() {
  kinds::KindSpec spec;
  spec.name = kApplicationKind;
  spec.validate = validate_application;
  spec.workflow = &application_workflow();
  // A worker applies for themselves (owner_id = their user id); staff enrol anyone into their
  // part of the tree.
  spec.create_rights = kOwner | kUnitStaff;
  spec.edit_rights = kUnitStaff;
  spec.step_only_fields = {"member_no", "created_by", "created_at", "submitted_at", "decided_by", "decided_at", "steps"};
  spec.on_step = on_step_application;
  spec.on_create = on_create_application;
  return spec;
}

}  // namespace nx::membership
