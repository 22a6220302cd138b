#include "core/events/dashboard.h"

#include <algorithm>
#include <tuple>

#include "core/events/campaign.h"
#include "core/events/event.h"
#include "core/events/handout.h"
#include "core/events/session.h"

namespace nx::events {

std::vector<UpcomingEvent> upcoming_events(const std::string& unit_id, std::int64_t now_ms, const sync::RecordSource& records,
                                           const UnitTree& units) {
  struct Sorted {
    std::int64_t first_begin;
    UpcomingEvent event;
  };
  std::vector<Sorted> out;
  for (const sync::Record* e : records.all(kEventKind)) {
    if (e->str("status") != "published" || !units.is_within(e->str(sync::kUnitField), unit_id)) continue;
    std::vector<std::pair<std::int64_t, SessionSeats>> sessions;
    for (const sync::Record* s : records.find(kSessionKind, "event_id", e->id)) {
      if (s->str("status") != "open") continue;
      const auto decoded = decode_session(s->fields);
      if (!decoded.ok()) continue;
      const TimeSpan span = session_span(decoded.value);
      if (span.end_ms <= now_ms) continue;
      const SeatCount seats = count_seats(s->fields, session_registrations(records, s->id));
      sessions.push_back({span.begin_ms, SessionSeats{s->id, decoded.value.date, decoded.value.start, decoded.value.end, seats}});
    }
    if (sessions.empty()) continue;
    std::sort(sessions.begin(), sessions.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first, a.second.session_id) < std::tie(b.first, b.second.session_id);
    });
    UpcomingEvent u{e->id, e->str("title"), e->str("category"), e->str(sync::kUnitField), {}, 0};
    for (auto& [_, s] : sessions) {
      u.seats_left += s.seats.seats_left;
      u.sessions.push_back(std::move(s));
    }
    out.push_back(Sorted{sessions.front().first, std::move(u)});
  }
  std::sort(out.begin(), out.end(), [](const Sorted& a, const Sorted& b) {
    return std::tie(a.first_begin, a.event.event_id) < std::tie(b.first_begin, b.event.event_id);
  });
  std::vector<UpcomingEvent> events;
  for (auto& s : out) events.push_back(std::move(s.event));
  return events;
}

std::vector<CampaignHandouts> handouts_per_campaign(const std::string& unit_id, const sync::RecordSource& records,
                                                    const UnitTree& units) {
  std::vector<CampaignHandouts> out;
  for (const sync::Record* c : records.all(kCampaignKind)) {
    if (!units.is_within(c->str(sync::kUnitField), unit_id)) continue;
    CampaignHandouts row{c->id, c->str("name"), c->str("start_date"), c->str("end_date"), 0, 0};
    for (const sync::Record* h : records.find(kHandoutKind, "campaign_id", c->id)) {
      if (h->str("status") == "given") ++row.given;
      else if (h->str("status") == "voided") ++row.voided;
    }
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(), [](const CampaignHandouts& a, const CampaignHandouts& b) {
    return std::tie(b.start_date, a.campaign_id) < std::tie(a.start_date, b.campaign_id);
  });
  return out;
}

}  // namespace nx::events
