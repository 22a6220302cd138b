// Registrations. Sections:
// [SECTION] Fields
// [SECTION] Seats and the waitlist
// [SECTION] Rules of creation and of each step
#include "core/events/registration.h"

#include <algorithm>
#include <limits>
#include <tuple>

#include "core/civil_time.h"
#include "core/events/event.h"
#include "core/json_in.h"

namespace nx::events {

using nlohmann::json;

// [SECTION] Fields ---------------------------------------------------------------------------

Decoded<Registration> decode_registration(const json& fields) {
  Decoded<Registration> out;
  json_in::Reader r(fields, "registration");
  Registration& g = out.value;
  g.event_id = r.required_uuid("event_id");
  g.session_id = r.required_uuid("session_id");
  g.unit_id = r.required_uuid("unit_id");
  g.member_id = r.required_uuid("member_id");
  g.owner_id = read_user_id(r, "owner_id").value_or("");
  g.note = r.str("note", 200).value_or("");
  if (auto v = r.one_of("status", kRegistrationStates)) g.status = *v; else r.require("status");
  g.created_by = read_user_id(r, "created_by").value_or("");
  g.created_at = r.datetime("created_at").value_or("");
  g.promoted_at = r.datetime("promoted_at").value_or("");
  g.checked_in_at = r.datetime("checked_in_at").value_or("");
  g.checked_in_by = read_user_id(r, "checked_in_by").value_or("");
  g.cancel_reason = r.str("cancel_reason", 200).value_or("");
  g.cancelled_by = read_user_id(r, "cancelled_by").value_or("");
  r.int_in("waitlist_position", 1, 1000000);  // kept by the server: see waitlist_position()
  refuse_unknown_fields(r, fields, {"event_id", "session_id", "unit_id", "member_id", "owner_id", "note", "status", "created_by",
                                    "created_at", "promoted_at", "checked_in_at", "checked_in_by", "cancel_reason",
                                    "cancelled_by", "waitlist_position"});
  out.errors = r.take_errors();
  return out;
}

json to_fields(const Registration& g) {
  json j = {{"event_id", g.event_id}, {"session_id", g.session_id}, {"unit_id", g.unit_id},
            {"member_id", g.member_id}, {"status", g.status}};
  auto put = [&](const char* name, const std::string& v) {
    if (!v.empty()) j[name] = v;
  };
  put("owner_id", g.owner_id);
  put("note", g.note);
  put("created_by", g.created_by);
  put("created_at", g.created_at);
  put("promoted_at", g.promoted_at);
  put("checked_in_at", g.checked_in_at);
  put("checked_in_by", g.checked_in_by);
  put("cancel_reason", g.cancel_reason);
  put("cancelled_by", g.cancelled_by);
  return j;
}

// [SECTION] Seats and the waitlist -----------------------------------------------------------

bool holds_seat(std::string_view status) { return status == "registered" || status == "checked_in" || status == "no_show"; }
bool is_live(std::string_view status) { return status != "cancelled"; }

Param registration_status_label(std::string_view status) {
  if (status == "registered") return Msg::RegRegistered;
  if (status == "waitlisted") return Msg::RegStatusWaitlisted;
  if (status == "checked_in") return Msg::RegCheckedIn;
  if (status == "no_show") return Msg::RegNoShow;
  if (status == "cancelled") return Msg::RegCancelled;
  return status;
}

SeatCount count_seats(const json& session_fields, const std::vector<const sync::Record*>& registrations) {
  SeatCount c;
  c.capacity = field_int(session_fields, "capacity");
  for (const sync::Record* r : registrations) {
    if (!r || r->deleted) continue;
    const std::string status = r->str("status");
    if (holds_seat(status)) ++c.taken;
    else if (status == "waitlisted") ++c.waitlisted;
  }
  // A worker's phone sees only its own registrations; the server's counts say the rest.
  c.taken = std::max(c.taken, field_int(session_fields, "seats_taken"));
  c.waitlisted = std::max(c.waitlisted, field_int(session_fields, "waitlisted"));
  c.seats_left = std::max<std::int64_t>(0, c.capacity - c.taken);
  return c;
}

std::vector<const sync::Record*> session_registrations(const sync::RecordSource& records, const std::string& session_id) {
  return records.find(kRegistrationKind, "session_id", session_id);
}

namespace {

// The waitlist of `session_id`, first in line first.
std::vector<const sync::Record*> waitlist(const std::string& session_id, const std::vector<const sync::Record*>& registrations) {
  std::vector<const sync::Record*> queue;
  for (const sync::Record* r : registrations)
    if (r && !r->deleted && r->str("session_id") == session_id && r->str("status") == "waitlisted") queue.push_back(r);
  auto key = [](const sync::Record* r) {
    const auto at = civil::parse_datetime_ms(r->str("created_at"));
    return std::make_tuple(at.value_or(std::numeric_limits<std::int64_t>::max()), r->id);
  };
  std::sort(queue.begin(), queue.end(), [&](const sync::Record* a, const sync::Record* b) { return key(a) < key(b); });
  return queue;
}

}  // namespace

std::optional<std::string> next_to_promote(const sync::Record& session, const std::vector<const sync::Record*>& registrations,
                                           std::optional<std::int64_t> now_ms) {
  if (session.deleted || session.str("status") != "open") return std::nullopt;
  if (now_ms) {
    const auto s = decode_session(session.fields);
    if (!s.ok() || *now_ms >= session_span(s.value).end_ms) return std::nullopt;
  }
  std::vector<const sync::Record*> mine;
  for (const sync::Record* r : registrations)
    if (r && r->str("session_id") == session.id) mine.push_back(r);
  if (count_seats(session.fields, mine).seats_left <= 0) return std::nullopt;
  const auto queue = waitlist(session.id, mine);
  if (queue.empty()) return std::nullopt;
  return queue.front()->id;
}

bool may_free_seat(const sync::Record* before, const sync::Record& after) {
  if (!before) return false;
  if (after.kind == kRegistrationKind) return holds_seat(before->str("status")) && !holds_seat(after.str("status"));
  return after.kind == kSessionKind && after.fields.value("capacity", json()) != before->fields.value("capacity", json());
}

std::optional<std::size_t> waitlist_position(const sync::Record& registration,
                                             const std::vector<const sync::Record*>& registrations) {
  if (registration.str("status") != "waitlisted") return std::nullopt;
  const auto queue = waitlist(registration.str("session_id"), registrations);
  std::optional<std::size_t> place;
  for (std::size_t i = 0; i < queue.size(); ++i)
    if (queue[i]->id == registration.id) place = i + 1;
  // Where the phone sees only this registration, the server's count of those ahead is the truth.
  const std::int64_t kept = field_int(registration.fields, "waitlist_position");
  if (kept > 0 && (!place || static_cast<std::size_t>(kept) > *place)) place = static_cast<std::size_t>(kept);
  return place;
}

TimeSpan check_in_window(const EventSession& s) {
  const TimeSpan span = session_span(s);
  const auto date = civil::parse_date(s.date).value_or(civil::Date{});
  return TimeSpan{span.begin_ms - kCheckInOpensBeforeMs, civil::from_china_local(date, 24 * 60)};
}

// [SECTION] Rules of creation and of each step ------------------------------------------------

const Workflow& registration_workflow() {
  static const Workflow wf{kRegistrationKind,
                           "registered",
                           {"registered", "waitlisted", "checked_in", "no_show", "cancelled"},
                           {{"cancel", {"registered", "waitlisted"}, "cancelled", kOwner | kUnitStaff | kAdmin},
                            {"promote", {"waitlisted"}, "registered", kUnitStaff | kAdmin},
                            {"check_in", {"registered"}, "checked_in", kUnitStaff | kAdmin},
                            {"no_show", {"registered"}, "no_show", kUnitStaff | kAdmin}}};
  return wf;
}

namespace {

Errors validate(const json& fields) { return decode_registration(fields).errors; }

Error session_full() {
  return catalog_error("session_full", "session_id", Msg::ErrThisSessionIsFull);
}
Error session_over() {
  return catalog_error("session_over", "session_id", Msg::ErrThisSessionIsOver);
}
Error session_cancelled() {
  return catalog_error("session_cancelled", "session_id", Msg::ErrThisSessionWasCancelled);
}

// The session a registration is for, and its event, as they are now.
struct Seat {
  const sync::Record* session = nullptr;
  const sync::Record* event = nullptr;
  EventSession times;
};

Result<Seat> find_seat(const sync::RecordSource& records, const json& fields) {
  Seat seat;
  seat.session = records.get(kSessionKind, field_str(fields, "session_id"));
  if (!seat.session || seat.session->deleted) return not_found("session_id", Msg::NounSession);
  if (seat.session->str("event_id") != field_str(fields, "event_id"))
    return catalog_error("session_mismatch", "session_id", Msg::ErrThisSessionBelongsToAnotherEvent);
  seat.event = records.get(kEventKind, field_str(fields, "event_id"));
  if (!seat.event || seat.event->deleted) return not_found("event_id", Msg::NounEvent);
  auto decoded = decode_session(seat.session->fields);
  if (!decoded.ok()) return decoded.errors.front();
  seat.times = decoded.value;
  return seat;
}

Status on_create(kinds::StepContext& ctx) {
  if (Status s = only_params(ctx.params, {"event_id", "session_id", "unit_id", "member_id", "owner_id", "note"}); !s) return s;
  if (!ctx.records) return records_unavailable();
  const sync::RecordSource& records = *ctx.records;
  json& f = ctx.fields;
  auto seat = find_seat(records, f);
  if (!seat) return seat.error();
  const Seat& st = seat.value();
  if (field_str(f, "unit_id") != st.event->str("unit_id"))
    return catalog_error("unit_mismatch", "unit_id", Msg::ErrARegistrationBelongsToItsEvents);
  if (st.session->str("status") != "open") return session_cancelled();
  if (ctx.now_ms >= session_span(st.times).end_ms) return session_over();

  // A member's own account owns their registration, whoever records it.
  const std::string member_id = field_str(f, "member_id");
  if (const sync::Record* member = records.get("member", member_id); member && !member->deleted) {
    const std::string member_owner = member->str(sync::kOwnerField);
    if (!member_owner.empty()) {
      if (field_str(f, sync::kOwnerField).empty()) f[sync::kOwnerField] = member_owner;
      else if (field_str(f, sync::kOwnerField) != member_owner)
        return catalog_error("member_mismatch", "member_id", Msg::ErrYouCanSignUpOnlyYourself);
    }
  }
  const std::string owner = field_str(f, sync::kOwnerField);
  const bool on_behalf = owner.empty() || owner != ctx.actor.user_id;
  if (!on_behalf) {
    if (auto refusal = signup_refusal(*st.event, ctx.now_ms)) return *refusal;
  } else if (st.event->str("status") != "published") {
    return catalog_error("event_not_open", "event_id", Msg::ErrThisEventIsNotTakingSign);
  }

  const auto registrations = session_registrations(records, st.session->id);
  for (const sync::Record* other : registrations) {
    if (other->id == ctx.before.id || !is_live(other->str("status"))) continue;
    const bool same_member = other->str("member_id") == member_id;
    const bool same_owner = !owner.empty() && other->str(sync::kOwnerField) == owner;
    if (same_member || same_owner) {
      const std::string status = other->str("status");
      return catalog_error("already_registered", "member_id", Msg::ErrAlreadySignedUp, {registration_status_label(status)});
    }
  }
  const SeatCount seats = count_seats(st.session->fields, registrations);
  f["status"] = seats.taken < seats.capacity ? "registered" : "waitlisted";
  f["created_by"] = ctx.actor.user_id;
  // To the millisecond: the waitlist is first come, first served, and sign-ups for a full
  // session arrive within the same second.
  f["created_at"] = civil::format_datetime_utc_ms(ctx.now_ms);
  return ok_status();
}

Status check_in(const Seat& st, kinds::StepContext& ctx) {
  if (st.session->str("status") != "open") return session_cancelled();
  if (st.event->str("status") == "cancelled")
    return catalog_error("event_cancelled", "event_id", Msg::ErrTheEventWasCancelled);
  std::int64_t moment = ctx.now_ms;
  std::string moment_text = civil::format_datetime_utc(ctx.now_ms);
  if (ctx.params.contains("checked_in_at")) {
    const json& v = ctx.params["checked_in_at"];
    const auto ms = v.is_string() ? civil::parse_datetime_ms(v.get<std::string>()) : std::nullopt;
    if (!ms) return catalog_error("datetime_invalid", "checked_in_at", Msg::ErrNotAValidMoment);
    if (*ms > ctx.now_ms + kClockSkewMs)
      return catalog_error("moment_in_future", "checked_in_at", Msg::ErrTheCheckInTimeIsIn);
    moment = *ms;
    moment_text = v.get<std::string>();
  }
  const TimeSpan window = check_in_window(st.times);
  if (moment < window.begin_ms) {
    const std::string opens = china_local_text(civil::format_datetime_utc(window.begin_ms));
    return catalog_error("check_in_too_early", "checked_in_at", Msg::ErrCheckInOpensAt1Hour, {opens});
  }
  if (moment >= window.end_ms)
    return catalog_error("check_in_closed", "checked_in_at", Msg::ErrCheckInForThisSessionIs);
  ctx.fields["checked_in_at"] = moment_text;
  ctx.fields["checked_in_by"] = ctx.actor.user_id;
  return ok_status();
}

Status on_step(const std::string& transition, kinds::StepContext& ctx) {
  if (transition == "cancel") {
    if (Status s = only_params(ctx.params, {"cancel_reason"}); !s) return s;
    ctx.fields["cancelled_by"] = ctx.actor.user_id;
    return ok_status();
  }
  if (Status s = transition == "check_in" ? only_params(ctx.params, {"checked_in_at"}) : only_params(ctx.params, {}); !s)
    return s;
  if (!ctx.records) return records_unavailable();
  auto seat = find_seat(*ctx.records, ctx.before.fields);
  if (!seat) return seat.error();
  const Seat& st = seat.value();
  if (transition == "check_in") return check_in(st, ctx);
  const TimeSpan span = session_span(st.times);
  if (transition == "no_show") {
    if (ctx.now_ms < span.end_ms)
      return catalog_error("session_not_over", "transition", Msg::ErrTheSessionHasNotEndedYet);
    return ok_status();
  }
  if (transition == "promote") {
    if (st.session->str("status") != "open") return session_cancelled();
    if (st.event->str("status") != "published")
      return catalog_error("event_not_open", "event_id", Msg::ErrTheEventIsCancelledOrFinished2);
    if (ctx.now_ms >= span.end_ms) return session_over();
    if (count_seats(st.session->fields, session_registrations(*ctx.records, st.session->id)).seats_left <= 0)
      return session_full();
    ctx.fields["promoted_at"] = civil::format_datetime_utc(ctx.now_ms);
  }
  return ok_status();
}

}  // namespace

kinds::KindSpec registration_kind() {
  kinds::KindSpec k;
  k.name = kRegistrationKind;
  k.validate = validate;
  k.workflow = &registration_workflow();
  k.create_rights = kOwner | kUnitStaff | kAdmin;
  k.edit_rights = 0;  // only steps change a registration (see the header)
  k.step_only_fields = {"created_by", "created_at", "promoted_at", "checked_in_by", "cancelled_by"};
  k.on_step = on_step;
  k.on_create = on_create;
  k.recounts = {{kinds::Counter::SessionSeats, "session_id"}};
  return k;
}

}  // namespace nx::events
