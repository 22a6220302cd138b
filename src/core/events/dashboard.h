#pragma once
// Counts for a unit's dashboard (the unit and every unit below it): upcoming events with the
// seats left in each session, and handouts given per campaign. Follow-up counts live with
// the field work (fieldwork/follow_up.h).
#include <cstdint>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/events/registration.h"
#include "core/sync/record_source.h"

namespace nx::events {

struct SessionSeats {
  std::string session_id;
  std::string date;
  std::string start;
  std::string end;
  SeatCount seats;
};

struct UpcomingEvent {
  std::string event_id;
  std::string title;
  std::string category;
  std::string unit_id;
  std::vector<SessionSeats> sessions;  // open sessions not yet ended, earliest first
  std::int64_t seats_left = 0;         // over those sessions
};

// Published events of `unit_id` or below with an open session that has not ended at
// `now_ms`, soonest first.
std::vector<UpcomingEvent> upcoming_events(const std::string& unit_id, std::int64_t now_ms, const sync::RecordSource& records,
                                           const UnitTree& units);

struct CampaignHandouts {
  std::string campaign_id;
  std::string name;
  std::string start_date;
  std::string end_date;
  std::int64_t given = 0;   // live lines
  std::int64_t voided = 0;
};

// Campaigns of `unit_id` or below, latest first, with their handouts counted (whichever unit
// handed them out).
std::vector<CampaignHandouts> handouts_per_campaign(const std::string& unit_id, const sync::RecordSource& records,
                                                    const UnitTree& units);

}  // namespace nx::events
