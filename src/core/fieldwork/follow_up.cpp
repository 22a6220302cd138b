#include "core/fieldwork/follow_up.h"

#include "core/civil_time.h"
#include "core/fieldwork/visit.h"
#include "core/json_in.h"
#include "core/text.h"

namespace nx::fieldwork {

using nlohmann::json;
using namespace nx::events;

Decoded<FollowUp> decode_follow_up(const json& fields) {
  Decoded<FollowUp> out;
  json_in::Reader r(fields, "follow_up");
  FollowUp& f = out.value;
  f.visit_id = r.required_uuid("visit_id");
  f.item_id = r.uuid("item_id").value_or("");
  f.unit_id = r.required_uuid("unit_id");
  f.action = r.required_str("action", 500);
  if (auto x = read_user_id(r, "owner_id")) f.owner_id = *x; else r.require("owner_id");
  f.assignee = r.str("assignee", 40).value_or("");
  f.due_date = r.required_date("due_date");
  static constexpr std::array<std::string_view, 3> kStates = {"open", "done", "cancelled"};
  if (auto x = r.one_of("status", kStates)) f.status = *x; else r.require("status");
  f.result_note = r.str("result_note", 500).value_or("");
  f.cancel_reason = r.str("cancel_reason", 200).value_or("");
  f.done_by = read_user_id(r, "done_by").value_or("");
  f.done_at = r.datetime("done_at").value_or("");
  refuse_unknown_fields(r, fields, {"visit_id", "item_id", "unit_id", "action", "owner_id", "assignee", "due_date", "status",
                                    "result_note", "cancel_reason", "done_by", "done_at"});
  out.errors = r.take_errors();
  return out;
}

json to_fields(const FollowUp& f) {
  json j = {{"visit_id", f.visit_id}, {"unit_id", f.unit_id}, {"action", f.action},
            {"owner_id", f.owner_id}, {"due_date", f.due_date}, {"status", f.status}};
  auto put = [&](const char* name, const std::string& s) {
    if (!s.empty()) j[name] = s;
  };
  put("item_id", f.item_id);
  put("assignee", f.assignee);
  put("result_note", f.result_note);
  put("cancel_reason", f.cancel_reason);
  put("done_by", f.done_by);
  put("done_at", f.done_at);
  return j;
}

const Workflow& follow_up_workflow() {
  static const Workflow wf{kFollowUpKind,
                           "open",
                           {"open", "done", "cancelled"},
                           {{"complete", {"open"}, "done", kOwner | kUnitStaff | kAdmin},
                            {"cancel", {"open"}, "cancelled", kUnitStaff | kAdmin},
                            {"reopen", {"done", "cancelled"}, "open", kUnitStaff | kAdmin}}};
  return wf;
}

namespace {

Errors validate(const json& fields) { return decode_follow_up(fields).errors; }

Status on_create(kinds::StepContext& ctx) {
  if (Status s = only_params(ctx.params, {"visit_id", "item_id", "unit_id", "action", "owner_id", "assignee", "due_date"}); !s)
    return s;
  if (!ctx.records) return records_unavailable();
  const std::string visit_id = field_str(ctx.fields, "visit_id");
  const sync::Record* visit = ctx.records->get(kVisitKind, visit_id);
  if (!visit || visit->deleted) return not_found("visit_id", Msg::NounVisit);
  if (field_str(ctx.fields, "unit_id") != visit->str("unit_id"))
    return catalog_error("unit_mismatch", "unit_id", Msg::ErrAFollowUpBelongsToIts);
  const std::string item_id = field_str(ctx.fields, "item_id");
  if (item_id.empty()) return ok_status();
  const sync::Record* item = ctx.records->get(kVisitItemKind, item_id);
  if (!item || item->deleted) return not_found("item_id", Msg::NounRaisedItem);
  if (item->str("visit_id") != visit_id)
    return catalog_error("item_mismatch", "item_id", Msg::ErrThatItemWasRaisedInAnother);
  return ok_status();
}

Status on_step(const std::string& transition, kinds::StepContext& ctx) {
  if (transition == "complete") {
    if (Status s = only_params(ctx.params, {"result_note"}); !s) return s;
    ctx.fields["done_by"] = ctx.actor.user_id;
    ctx.fields["done_at"] = civil::format_datetime_utc(ctx.now_ms);
    return ok_status();
  }
  if (transition == "cancel") {
    if (Status s = only_params(ctx.params, {"cancel_reason"}); !s) return s;
    const bool has_reason = ctx.params.contains("cancel_reason") && ctx.params["cancel_reason"].is_string() &&
                            !text::trim(ctx.params["cancel_reason"].get<std::string>()).empty();
    if (!has_reason) return catalog_error("required", "cancel_reason", Msg::ErrSayWhyItIsCancelled);
    return ok_status();
  }
  // Reopened work is not done any more; its earlier result stays in result_note.
  if (Status s = only_params(ctx.params, {}); !s) return s;
  ctx.fields.erase("done_by");
  ctx.fields.erase("done_at");
  return ok_status();
}

}  // namespace

kinds::KindSpec follow_up_kind() {
  kinds::KindSpec k;
  k.name = kFollowUpKind;
  k.validate = validate;
  k.workflow = &follow_up_workflow();
  k.create_rights = kUnitStaff | kAdmin;
  k.edit_rights = kUnitStaff | kAdmin;
  k.step_only_fields = {"done_by", "done_at"};
  k.on_step = on_step;
  k.on_create = on_create;
  return k;
}

bool is_overdue(const json& fields, std::int64_t now_ms) {
  if (field_str(fields, "status") != "open") return false;
  const auto due = civil::parse_date(field_str(fields, "due_date"));
  return due && *due < civil::to_china_local(now_ms).date;
}

FollowUpCounts follow_up_counts(const std::string& unit_id, std::int64_t now_ms, const sync::RecordSource& records,
                                const UnitTree& units) {
  FollowUpCounts c;
  for (const sync::Record* f : records.all(kFollowUpKind)) {
    if (!units.is_within(f->str(sync::kUnitField), unit_id)) continue;
    const std::string status = f->str("status");
    if (status == "open") {
      ++c.open;
      if (is_overdue(f->fields, now_ms)) ++c.overdue;
    } else if (status == "done") {
      ++c.done;
    } else if (status == "cancelled") {
      ++c.cancelled;
    }
  }
  return c;
}

}  // namespace nx::fieldwork
