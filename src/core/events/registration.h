#pragma once
// Registrations 报名: one person in one session of an event, and the seat rules.
//
// A new registration is "registered" while the session has a free seat, else "waitlisted"
// (decided by on_create on the record holder's current state, so the server's answer wins).
// Seats are held by registered, checked_in and no_show; the count never exceeds capacity:
// creating waitlists at capacity, "promote" re-checks, and a session's capacity cannot be
// revised below it. One live (not cancelled) registration per person per session.
//
// Check-in window (签到): from 1 hour before the session starts until the end of the
// session's date, China local time (UTC+8). A device checking in offline passes the moment
// it tapped as `checked_in_at`; that moment must lie in the window and not after the
// server's clock (plus kClockSkewMs), so a late sync of a true check-in is not refused.
//
// Workers sign up inside the event's sign-up window; staff registering someone on the spot
// may do so until the session ends. Either way the event must be published and the session
// open. A registration's fields never change by plain sets: only its steps change it.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/events/rule_support.h"
#include "core/events/session.h"
#include "core/kinds/registry.h"
#include "core/sync/record.h"
#include "core/sync/record_source.h"
#include "core/workflow.h"

namespace nx::events {

inline constexpr const char* kRegistrationKind = "registration";
inline constexpr std::array<std::string_view, 5> kRegistrationStates = {"registered", "waitlisted", "checked_in", "no_show",
                                                                          "cancelled"};
inline constexpr std::int64_t kCheckInOpensBeforeMs = 60 * 60 * 1000;

struct Registration {
  std::string event_id;
  std::string session_id;
  std::string unit_id;    // the event's unit, copied for access rules
  std::string member_id;  // the member (a worker) who takes part
  std::string owner_id;   // the worker's user account, when they have one
  std::string note;
  std::string status;
  std::string created_by;  // who recorded it: the worker, or staff on their behalf
  std::string created_at;  // when the record holder accepted it; orders the waitlist
  std::string promoted_at;
  std::string checked_in_at;
  std::string checked_in_by;
  std::string cancel_reason;
  std::string cancelled_by;
};

Decoded<Registration> decode_registration(const nlohmann::json& fields);
nlohmann::json to_fields(const Registration& r);

// Statuses that occupy a seat, and statuses that count as "already signed up".
bool holds_seat(std::string_view status);
bool is_live(std::string_view status);
// How a status reads in a message to people.
Param registration_status_label(std::string_view status);

// The server keeps each session's "seats_taken" and "waitlisted", and each waitlisted
// registration's "waitlist_position", current after every change (a worker's phone sees only
// its own registrations, so it could not count them); count_seats and waitlist_position take
// the larger of what they count and what the server kept.
struct SeatCount {
  std::int64_t capacity = 0;
  std::int64_t taken = 0;       // registered + checked_in + no_show
  std::int64_t waitlisted = 0;
  std::int64_t seats_left = 0;  // never negative
};
// Seats of a session (its fields) given its registrations (deleted ones are skipped).
SeatCount count_seats(const nlohmann::json& session_fields, const std::vector<const sync::Record*>& registrations);
std::vector<const sync::Record*> session_registrations(const sync::RecordSource& records, const std::string& session_id);

// The waitlisted registration to promote when a seat is free in an open session: the
// earliest by created_at, then by id. nullopt when none is due. With `now_ms`, also nullopt
// once the session has ended (promoting then would help nobody). The server fires
// "promote" with it after every cancel or capacity increase, until nullopt.
std::optional<std::string> next_to_promote(const sync::Record& session, const std::vector<const sync::Record*>& registrations,
                                           std::optional<std::int64_t> now_ms = std::nullopt);
// Whether a change (`before` null: a new record) may have freed a seat for the waitlist: a
// registration that held one was cancelled, or a session's capacity changed.
bool may_free_seat(const sync::Record* before, const sync::Record& after);
// 1-based place of a waitlisted registration in its session's queue ("候补第 2 位").
std::optional<std::size_t> waitlist_position(const sync::Record& registration,
                                             const std::vector<const sync::Record*>& registrations);

// When check-in opens and closes for a well-formed session (see the header comment).
TimeSpan check_in_window(const EventSession& s);

// registered|waitlisted --cancel--> cancelled        the worker (owner), staff, admin
// waitlisted --promote--> registered                staff, admin; only with a free seat
// registered --check_in--> checked_in               staff, admin; inside the window
// registered --no_show--> no_show                   staff, admin; after the session ended
const Workflow& registration_workflow();
kinds::KindSpec registration_kind();

}  // namespace nx::events
