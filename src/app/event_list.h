#pragma once
// What 活动 shows: events open for sign-up with their sessions (seats left, whether the person
// is in already), and the person's own registrations with their waitlist place.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/local_store.h"
#include "core/events/registration.h"
#include "core/sync/record_source.h"

namespace nx::app {

struct SessionRow {
  const sync::Record* session = nullptr;
  events::TimeSpan span;
  events::SeatCount seats;
  const sync::Record* mine = nullptr;  // the person's live registration in it, if any
};

struct EventCard {
  const sync::Record* event = nullptr;
  std::vector<SessionRow> sessions;  // open and not yet over, soonest first
};

// Published events with a session still to come, soonest first.
std::vector<EventCard> upcoming_events(const sync::RecordSource& records, const std::string& user_id, std::int64_t now_ms);

struct MyRegistration {
  const sync::Record* registration = nullptr;
  const sync::Record* event = nullptr;
  const sync::Record* session = nullptr;
  events::TimeSpan span;
  std::optional<std::size_t> waitlist_position;  // 1-based, while waitlisted
};

// The person's registrations whose session has not ended yet (cancelled ones too, so they see
// what happened), soonest first.
std::vector<MyRegistration> my_registrations(const sync::RecordSource& records, const std::string& user_id,
                                             std::int64_t now_ms);

// The change that signs `member` up for a session; the record holder decides registered or
// waitlisted.
Change sign_up(const sync::Record& session, const sync::Record& member, const std::string& user_id, std::string id);
Change cancel_registration(const sync::Record& registration);

// "7月10日 周五 09:00–11:00" / "Fri 10 Jul 09:00–11:00".
Message session_when(const sync::Record& session);
// The code a person reads out at check-in: the registration id's first 8 characters, grouped.
std::string check_in_code(const sync::Record& registration);

}  // namespace nx::app
