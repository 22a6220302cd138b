#pragma once
// Event sessions 场次: one sitting of an event (a date, a time, seats, maybe its own place).
//
// Why a kind of its own and not an array inside the event: fields merge last-writer-wins one
// by one, and an array is one field. Two staff adding or changing different sessions offline
// would then overwrite each other's whole list, and registrations would point into an array
// whose entries come and go. As records, each session merges on its own and has a stable id.
//
// A session's fields change only through its "revise" step (plain sets are refused): its
// capacity must never drop below the seats its registrations already hold, and KindSpec has
// no hook that sees plain sets. A revise merges field by field like a set, but the sync
// layer treats a step older than the record's last step as already superseded: of two
// revises of the SAME session made offline at once, only the newer takes effect (revises of
// different sessions never interfere). Sessions are cancelled, never deleted, so
// registrations always find theirs.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/events/rule_support.h"
#include "core/kinds/registry.h"
#include "core/workflow.h"

namespace nx::events {

inline constexpr const char* kSessionKind = "event_session";
inline constexpr std::int64_t kMaxCapacity = 100000;

struct EventSession {
  std::string event_id;
  std::string unit_id;  // the event's unit, copied so access rules see it on the session
  std::string date;     // YYYY-MM-DD
  std::string start;    // HH:MM, China local time
  std::string end;      // HH:MM, after start, same day ("24:00" allowed)
  std::int64_t capacity = 0;
  std::string place;    // optional; else the event's
  std::string status;   // open | cancelled
  std::string cancel_reason;
};

Decoded<EventSession> decode_session(const nlohmann::json& fields);
nlohmann::json to_fields(const EventSession& s);

// Start and end of a well-formed session as Unix ms (China local time).
struct TimeSpan {
  std::int64_t begin_ms = 0;
  std::int64_t end_ms = 0;
};
TimeSpan session_span(const EventSession& s);

// open --revise--> open (date, start, end, place, capacity); open --cancel--> cancelled.
// Staff of the unit (or above) and admins.
const Workflow& session_workflow();
kinds::KindSpec session_kind();

}  // namespace nx::events
