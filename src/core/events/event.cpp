#include "core/events/event.h"

#include "core/civil_time.h"
#include "core/json_in.h"

namespace nx::events {

using nlohmann::json;

Decoded<Event> decode_event(const json& fields) {
  Decoded<Event> out;
  json_in::Reader r(fields, "event");
  Event& e = out.value;
  e.title = r.required_str("title", 60);
  if (auto v = r.one_of("category", kEventCategories)) e.category = *v; else r.require("category");
  if (auto v = r.one_of("topic", kTalkTopics)) e.topic = *v;
  e.description = r.str("description", 2000).value_or("");
  e.unit_id = r.required_uuid("unit_id");
  e.place = r.str("place", 100).value_or("");
  e.signup_opens_at = r.datetime("signup_opens_at").value_or("");
  e.signup_closes_at = r.datetime("signup_closes_at").value_or("");
  if (auto v = r.one_of("status", kEventStates)) e.status = *v; else r.require("status");
  e.cancel_reason = r.str("cancel_reason", 200).value_or("");
  if (!e.signup_opens_at.empty() && !e.signup_closes_at.empty() &&
      civil::parse_datetime_ms(e.signup_closes_at) <= civil::parse_datetime_ms(e.signup_opens_at))
    r.add(catalog_error("signup_window_invalid", "signup_closes_at", Msg::ErrSignUpMustCloseAfterIt));
  refuse_unknown_fields(r, fields, {"title", "category", "topic", "description", "unit_id", "place", "signup_opens_at",
                                    "signup_closes_at", "status", "cancel_reason"});
  out.errors = r.take_errors();
  return out;
}

json to_fields(const Event& e) {
  json j = {{"title", e.title}, {"category", e.category}, {"unit_id", e.unit_id}, {"status", e.status}};
  auto put = [&](const char* name, const std::string& v) {
    if (!v.empty()) j[name] = v;
  };
  put("topic", e.topic);
  put("description", e.description);
  put("place", e.place);
  put("signup_opens_at", e.signup_opens_at);
  put("signup_closes_at", e.signup_closes_at);
  put("cancel_reason", e.cancel_reason);
  return j;
}

const Workflow& event_workflow() {
  static const Workflow wf{kEventKind,
                           "draft",
                           {"draft", "published", "cancelled", "finished"},
                           {{"publish", {"draft"}, "published", kUnitStaff | kAdmin},
                            {"cancel", {"draft", "published"}, "cancelled", kUnitStaff | kAdmin},
                            {"finish", {"published"}, "finished", kUnitStaff | kAdmin}}};
  return wf;
}

namespace {

Errors validate(const json& fields) { return decode_event(fields).errors; }

Status on_create(kinds::StepContext& ctx) {
  // A new event starts as a draft; reasons belong to the cancel step.
  return only_params(ctx.params, {"title", "category", "topic", "description", "unit_id", "place", "signup_opens_at",
                                  "signup_closes_at"});
}

Status on_step(const std::string& transition, kinds::StepContext& ctx) {
  if (transition == "cancel") return only_params(ctx.params, {"cancel_reason"});
  if (Status s = only_params(ctx.params, {}); !s) return s;
  if (transition == "publish") {
    // Publishing an event nobody can sign up for would only confuse workers.
    if (!ctx.records) return records_unavailable();
    for (const sync::Record* s : ctx.records->find("event_session", "event_id", ctx.before.id))
      if (s->str("status") == "open") return ok_status();
    return catalog_error("no_sessions", "", Msg::ErrAddAtLeastOneSessionBefore);
  }
  return ok_status();
}

// Workers see an event once it is published, with its sessions to sign up for.
bool is_draft(const sync::Record& event) { return event.str("status") == "draft"; }

}  // namespace

kinds::KindSpec event_kind() {
  kinds::KindSpec k;
  k.name = kEventKind;
  k.validate = validate;
  k.workflow = &event_workflow();
  k.create_rights = kUnitStaff | kAdmin;
  k.edit_rights = kUnitStaff | kAdmin;
  k.on_step = on_step;
  k.on_create = on_create;
  k.is_public = true;
  k.unpublished = is_draft;
  return k;
}

std::optional<Error> signup_refusal(const sync::Record& event, std::int64_t now_ms) {
  if (event.deleted || event.str("status") != "published")
    return catalog_error("event_not_open", "event_id", Msg::ErrThisEventIsNotTakingSign);
  const std::string opens = event.str("signup_opens_at");
  if (auto ms = civil::parse_datetime_ms(opens); ms && now_ms < *ms)
    return catalog_error("signup_not_open", "event_id", Msg::ErrSignUpOpensAtChinaTime, {china_local_text(opens)});
  const std::string closes = event.str("signup_closes_at");
  if (auto ms = civil::parse_datetime_ms(closes); ms && now_ms >= *ms)
    return catalog_error("signup_closed", "event_id", Msg::ErrSignUpClosedAtChinaTime, {china_local_text(closes)});
  return std::nullopt;
}

}  // namespace nx::events
