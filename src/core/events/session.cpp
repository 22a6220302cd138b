#include "core/events/session.h"

#include "core/civil_time.h"
#include "core/events/registration.h"
#include "core/json_in.h"

namespace nx::events {

using nlohmann::json;

Decoded<EventSession> decode_session(const json& fields) {
  Decoded<EventSession> out;
  json_in::Reader r(fields, "event_session");
  EventSession& s = out.value;
  s.event_id = r.required_uuid("event_id");
  s.unit_id = r.required_uuid("unit_id");
  s.date = r.required_date("date");
  s.start = r.required_time_of_day("start");
  s.end = r.required_time_of_day("end");
  if (auto v = r.int_in("capacity", 1, kMaxCapacity)) s.capacity = *v; else r.require("capacity");
  s.place = r.str("place", 100).value_or("");
  static constexpr std::array<std::string_view, 2> kStates = {"open", "cancelled"};
  if (auto v = r.one_of("status", kStates)) s.status = *v; else r.require("status");
  s.cancel_reason = r.str("cancel_reason", 200).value_or("");
  // Kept by the server (registration.h, count_seats): no step takes them as parameters.
  r.int_in("seats_taken", 0, kMaxCapacity);
  r.int_in("waitlisted", 0, 1000000);
  if (!s.start.empty() && !s.end.empty() && civil::parse_time_of_day(s.end) <= civil::parse_time_of_day(s.start))
    r.add(catalog_error("time_range_invalid", "end", Msg::ErrTheSessionMustEndAfterIt));
  refuse_unknown_fields(r, fields, {"event_id", "unit_id", "date", "start", "end", "capacity", "place", "status", "cancel_reason",
                                    "seats_taken", "waitlisted"});
  out.errors = r.take_errors();
  return out;
}

json to_fields(const EventSession& s) {
  json j = {{"event_id", s.event_id}, {"unit_id", s.unit_id}, {"date", s.date},       {"start", s.start},
            {"end", s.end},           {"capacity", s.capacity}, {"status", s.status}};
  if (!s.place.empty()) j["place"] = s.place;
  if (!s.cancel_reason.empty()) j["cancel_reason"] = s.cancel_reason;
  return j;
}

TimeSpan session_span(const EventSession& s) {
  const auto date = civil::parse_date(s.date).value_or(civil::Date{});
  return TimeSpan{civil::from_china_local(date, civil::parse_time_of_day(s.start).value_or(0)),
                  civil::from_china_local(date, civil::parse_time_of_day(s.end).value_or(0))};
}

const Workflow& session_workflow() {
  static const Workflow wf{kSessionKind,
                           "open",
                           {"open", "cancelled"},
                           {{"revise", {"open"}, "open", kUnitStaff | kAdmin},
                            {"cancel", {"open"}, "cancelled", kUnitStaff | kAdmin}}};
  return wf;
}

namespace {

Errors validate(const json& fields) { return decode_session(fields).errors; }

Status on_create(kinds::StepContext& ctx) {
  if (Status s = only_params(ctx.params, {"event_id", "unit_id", "date", "start", "end", "capacity", "place"}); !s) return s;
  if (!ctx.records) return records_unavailable();
  const sync::Record* event = ctx.records->get("event", field_str(ctx.fields, "event_id"));
  if (!event || event->deleted) return not_found("event_id", Msg::NounEvent);
  const std::string status = event->str("status");
  if (status != "draft" && status != "published")
    return catalog_error("event_closed", "event_id", Msg::ErrTheEventIsCancelledOrFinished);
  // Staff reach the session through its unit_id, so it must be the event's.
  if (field_str(ctx.fields, "unit_id") != event->str("unit_id"))
    return catalog_error("unit_mismatch", "unit_id", Msg::ErrASessionBelongsToItsEvents);
  return ok_status();
}

Status on_step(const std::string& transition, kinds::StepContext& ctx) {
  if (transition == "cancel") return only_params(ctx.params, {"cancel_reason"});
  if (Status s = only_params(ctx.params, {"date", "start", "end", "place", "capacity"}); !s) return s;
  // A capacity of the wrong type is left to validate(), which names it properly.
  if (!ctx.params.contains("capacity") || !ctx.fields["capacity"].is_number_integer()) return ok_status();
  if (!ctx.records) return records_unavailable();
  const SeatCount seats = count_seats(ctx.fields, session_registrations(*ctx.records, ctx.before.id));
  if (field_int(ctx.fields, "capacity") < seats.taken)
    return catalog_error("capacity_below_taken", "capacity", Msg::ErrPlacesAlreadyTaken, {std::to_string(seats.taken)});
  return ok_status();
}

}  // namespace

kinds::KindSpec session_kind() {
  kinds::KindSpec k;
  k.name = kSessionKind;
  k.validate = validate;
  k.workflow = &session_workflow();
  k.create_rights = kUnitStaff | kAdmin;
  k.edit_rights = 0;  // every change goes through "revise" (see the header)
  k.on_step = on_step;
  k.on_create = on_create;
  k.is_public = true;
  k.recounts = {{kinds::Counter::SessionSeats, ""}};  // its capacity may change
  return k;
}

}  // namespace nx::events
