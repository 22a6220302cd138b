#include "app/event_list.h"

#include <doctest/doctest.h>

#include "core/demo/demo.h"
#include "core/kinds/registry.h"
#include "core/membership/unit.h"
#include "core/sync/apply.h"

using namespace nx;
using namespace nx::app;

namespace {
constexpr std::int64_t kNow = 1782867600000;  // the demo's now: 2026-07-01 09:00 China
}

TEST_CASE("upcoming events: published, with sessions still to come, soonest first, seats counted") {
  const auto d = demo::generate_demo_district({}).value();
  const auto cards = upcoming_events(d.records, "", kNow);
  REQUIRE(!cards.empty());
  for (std::size_t i = 0; i < cards.size(); ++i) {
    CHECK(cards[i].event->str("status") == "published");
    REQUIRE(!cards[i].sessions.empty());
    for (const SessionRow& s : cards[i].sessions) {
      CHECK(s.span.end_ms > kNow);
      CHECK(s.seats.taken + s.seats.seats_left == s.seats.capacity);
    }
    if (i) CHECK(cards[i - 1].sessions.front().span.begin_ms <= cards[i].sessions.front().span.begin_ms);
  }
}

TEST_CASE("a member signs up through the core, sees it as theirs, and can cancel") {
  auto d = demo::generate_demo_district({}).value();
  // A demo worker who is a member and has an open session still to sign up for.
  const demo::WorkerLogin* worker = nullptr;
  const sync::Record* member = nullptr;
  const SessionRow* open = nullptr;
  std::vector<EventCard> cards;
  for (const auto& w : d.workers) {
    for (const sync::Record* m : d.records.find("member", "owner_id", w.user_id)) {
      if (m->str("status") != "active" || open) continue;
      cards = upcoming_events(d.records, w.user_id, kNow);
      for (const auto& c : cards)
        for (const auto& s : c.sessions)
          if (!s.mine && s.seats.seats_left > 0 && !open) open = &s, member = m, worker = &w;
    }
  }
  REQUIRE(open);
  const std::string session_id = open->session->id;
  const Change c = sign_up(*open->session, *member, worker->user_id, "9d9d9d9d-0000-4000-8000-000000000001");
  const Actor actor{worker->user_id, Role::Worker, "", ""};
  const UnitTree units = membership::units_from(d.records);
  auto r = sync::apply_op(nullptr, {"op-1", c.kind, c.id, {kNow, 0, "phone"}, c.set, c.transition, c.del},
                          {kinds::registry(), actor, units, &d.records, kNow});
  REQUIRE_MESSAGE(r.status != sync::ApplyStatus::Rejected, (r.reason ? r.reason->message_en : ""));
  CHECK(r.record.str("status") == "registered");
  d.records.put(r.record);

  const auto mine = my_registrations(d.records, worker->user_id, kNow);
  const auto it = std::find_if(mine.begin(), mine.end(), [&](const MyRegistration& m) { return m.registration->id == c.id; });
  REQUIRE(it != mine.end());
  CHECK(it->session->id == session_id);
  CHECK(check_in_code(*it->registration) == "9D9D 9D9D");

  const Change cancel = cancel_registration(*it->registration);
  auto after = sync::apply_op(d.records.get(c.kind, c.id), {"op-2", cancel.kind, cancel.id, {kNow + 1, 0, "phone"}, cancel.set, cancel.transition, false},
                              {kinds::registry(), actor, units, &d.records, kNow});
  CHECK(after.record.str("status") == "cancelled");
}

TEST_CASE("a session's time reads the way people say it") {
  sync::Record s;
  s.fields = {{"date", "2026-07-10"}, {"start", "09:00"}, {"end", "11:00"}};
  CHECK(session_when(s).text(Locale::ZhCN) == "7月10日 周五 09:00–11:00");
  CHECK(session_when(s).text(Locale::En) == "Fri 10 Jul 09:00–11:00");
}
