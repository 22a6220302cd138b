#include "core/services/service_request.h"

#include <algorithm>

#include "core/services/provider.h"
#include "core/text.h"

namespace nx::services {

using nlohmann::json;

// [SECTION] Workflow
// [SECTION] Fields
// [SECTION] Steps
// [SECTION] Queries and kind

// ---------------------------------------------------------------------------------------
// [SECTION] Workflow
// ---------------------------------------------------------------------------------------

const Workflow& service_request_workflow() {
  static const Workflow wf{
      "service_request",
      "ordered",
      {kRequestStates.begin(), kRequestStates.end()},
      {
          {"match", {"ordered", "matched", "reopened"}, "matched", kUnitStaff},
          {"deliver", {"matched"}, "delivered", kProvider | kUnitStaff},
          {"confirm", {"delivered"}, "confirmed", kOwner},
          {"reopen", {"delivered", "confirmed"}, "reopened", kOwner},
          {"cancel", {"ordered", "matched", "reopened"}, "cancelled", kOwner},
          {"cancel_by_staff", {"ordered", "matched", "delivered", "reopened"}, "cancelled", kUnitStaff},
      }};
  return wf;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Fields
// ---------------------------------------------------------------------------------------

namespace {

constexpr std::string_view kFields[] = {"category",    "topic",        "description",   "owner_id",     "unit_id",
                                        "status",      "provider_id",  "due_date",      "delivered_at", "rating",
                                        "comment",     "confirmed_at", "reopen_reason", "cancel_reason", "job_post_id"};

bool in(std::string_view value, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

Error state_mismatch(const std::string& field, const std::string& status) {
  return catalog_error("state_mismatch", field, Msg::ErrNotWhileRequestIs, {status, field});
}

}  // namespace

Errors validate_service_request(const json& fields) {
  json_in::Reader r(fields, "fields");
  if (!r.ok()) return r.take_errors();
  refuse_unknown_fields(r, fields, kFields);

  std::string category;
  if (!r.has("category")) r.require("category");
  else if (auto v = r.one_of("category", kRequestCategories)) category = *v;
  if (r.has("topic")) {
    if (!category.empty() && category != "legal_aid" && category != "legal_consultation")
      r.add(catalog_error("topic_not_allowed", "topic", Msg::ErrOnlyLegalConsultationAndLegalAid));
    else r.one_of("topic", kLegalTopics);
  } else if (category == "legal_aid") {
    r.add(catalog_error("required", "topic", Msg::ErrChooseWhatTheLegalAidIs));
  }
  r.required_str("description", 1000);
  read_id(r, "owner_id", true);
  read_id(r, "unit_id", true);

  std::string status;
  if (!r.has("status")) r.require("status");
  else if (auto v = r.one_of("status", kRequestStates)) status = *v;

  read_id(r, "provider_id", false);
  read_id(r, "job_post_id", false);  // job help asked for from a job post (招聘求职)
  r.date("due_date");
  r.int_in("rating", 1, 5);
  r.str("comment", 500);
  r.datetime("delivered_at");
  r.datetime("confirmed_at");
  r.str("reopen_reason", 500);
  r.str("cancel_reason", 500);

  // What each state carries: a matched request has its provider and due date, a confirmed
  // one its rating; a new one nothing that only the steps set.
  if (!status.empty()) {
    const bool assigned = in(status, {"matched", "delivered", "confirmed"});
    for (const char* f : {"provider_id", "due_date"}) {
      if (assigned && !r.has(f)) r.add(required_error(f));
      if (status == "ordered" && r.has(f)) r.add(state_mismatch(f, status));
    }
    if (status == "confirmed" && !r.has("rating")) r.add(required_error("rating"));
    for (const char* f : {"rating", "comment", "confirmed_at"})
      if (status != "confirmed" && r.has(f)) r.add(state_mismatch(f, status));
    if (status != "cancelled" && r.has("cancel_reason")) r.add(state_mismatch("cancel_reason", status));
    if (status == "ordered" && (r.has("delivered_at") || r.has("reopen_reason")))
      r.add(state_mismatch(r.has("delivered_at") ? "delivered_at" : "reopen_reason", status));
  }
  return r.take_errors();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Steps
// ---------------------------------------------------------------------------------------

namespace {

Error reason_required() {
  return catalog_error("required", "reason", Msg::ErrPleaseGiveAReason);
}

// The optional or required "reason" of a step, at most 500 characters, moved into `field`.
Status take_reason(kinds::StepContext& ctx, const char* field, bool required) {
  json_in::Reader p(ctx.params, "params");
  auto reason = p.str("reason", 500);
  if (!p.ok()) return p.errors().front();
  ctx.fields.erase("reason");  // a parameter, not a field of the request
  if (!reason || text::trim(*reason).empty()) {
    if (required) return reason_required();
    return ok_status();
  }
  ctx.fields[field] = *reason;
  return ok_status();
}

Status match(kinds::StepContext& ctx) {
  if (Status s = only_params(ctx.params, {"provider_id", "due_date"}); !s) return s;
  json_in::Reader p(ctx.params, "params");
  auto provider = read_id(p, "provider_id", true);
  std::optional<std::string> due;
  if (!p.has("due_date")) p.require("due_date");
  else due = p.date("due_date");
  if (!p.ok()) return p.errors().front();
  if (*civil::parse_date(*due) < china_today(ctx.now_ms))
    return catalog_error("due_date_past", "due_date", Msg::ErrTheDueDateCannotBeBefore);
  if (!ctx.records) return records_unavailable();
  const sync::Record* found = live_record(*ctx.records, "provider", *provider);
  if (!found) return not_found("provider_id", Msg::NounProvider);
  const std::string category = field_str(ctx.fields, "category");
  if (!provider_offers(found->fields, service_for_category(category)))
    return catalog_error("provider_unavailable", "provider_id", Msg::ErrProviderDoesNotTakeThis);
  // Set here, not left to the merge of the op's fields: the step's values win even where an
  // admin's direct edit stamped these fields later.
  ctx.fields["provider_id"] = *provider;
  ctx.fields["due_date"] = *due;
  return ok_status();
}

Status confirm(kinds::StepContext& ctx) {
  if (Status s = only_params(ctx.params, {"rating", "comment"}); !s) return s;
  json_in::Reader p(ctx.params, "params");
  if (!p.has("rating"))
    return catalog_error("required", "rating", Msg::ErrPleaseRateTheServiceFrom1);
  auto rating = p.int_in("rating", 1, 5);
  auto comment = p.str("comment", 500);
  if (!p.ok()) return p.errors().front();
  ctx.fields["rating"] = *rating;
  if (comment) ctx.fields["comment"] = *comment;
  ctx.fields["confirmed_at"] = civil::format_datetime_utc(ctx.now_ms);
  return ok_status();
}

Status reopen(kinds::StepContext& ctx) {
  if (Status s = only_params(ctx.params, {"reason"}); !s) return s;
  if (field_str(ctx.before.fields, "status") == "confirmed") {
    auto confirmed = civil::parse_datetime_ms(field_str(ctx.before.fields, "confirmed_at"));
    constexpr std::int64_t kWindowMs = std::int64_t{kReopenWindowDays} * 24 * 3600 * 1000;
    if (!confirmed || ctx.now_ms - *confirmed > kWindowMs)
      return catalog_error("reopen_window_passed", "transition", Msg::ErrARequestCanBeReopenedOnly, {std::to_string(kReopenWindowDays)});
  }
  if (Status s = take_reason(ctx, "reopen_reason", true); !s) return s;
  // Not done after all: the old rating and delivery no longer describe it.
  for (const char* f : {"rating", "comment", "confirmed_at", "delivered_at"}) ctx.fields.erase(f);
  return ok_status();
}

Status service_request_step(const std::string& transition, kinds::StepContext& ctx) {
  if (transition == "match") return match(ctx);
  if (transition == "deliver") {
    if (Status s = only_params(ctx.params, {}); !s) return s;
    ctx.fields["delivered_at"] = civil::format_datetime_utc(ctx.now_ms);
    return ok_status();
  }
  if (transition == "confirm") return confirm(ctx);
  if (transition == "reopen") return reopen(ctx);
  if (transition == "cancel" || transition == "cancel_by_staff") {
    if (Status s = only_params(ctx.params, {"reason"}); !s) return s;
    return take_reason(ctx, "cancel_reason", transition == "cancel_by_staff");
  }
  return ok_status();
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Queries and kind
// ---------------------------------------------------------------------------------------

std::string_view service_for_category(std::string_view category) {
  if (category == "health_check") return "health";
  if (category == "legal_consultation" || category == "legal_aid" || category == "insurance" || category == "training")
    return category;
  return "other";
}

bool is_overdue(const json& fields, std::int64_t now_ms) {
  if (field_str(fields, "status") != "matched") return false;
  auto due = civil::parse_date(field_str(fields, "due_date"));
  return due && *due < china_today(now_ms);
}

kinds::KindSpec service_request_kind() {
  kinds::KindSpec spec;
  spec.name = "service_request";
  spec.validate = validate_service_request;
  spec.workflow = &service_request_workflow();
  // A worker orders for themselves; staff order on a worker's behalf (a phone call, a visit).
  spec.create_rights = kOwner | kUnitStaff;
  spec.edit_rights = kAdmin;
  // Set only inside steps; the step parameters provider_id, due_date, rating and comment are
  // not listed, because apply_op refuses step-only fields even as a step's parameters (the
  // admin-only edit_rights protect them from direct edits instead).
  spec.step_only_fields = {"delivered_at", "confirmed_at", "reopen_reason", "cancel_reason"};
  spec.on_step = service_request_step;
  return spec;
}

}  // namespace nx::services
