#include "core/events/timeline.h"

#include <doctest/doctest.h>

#include "event_world.h"

using namespace nx;
using namespace nx::events;
using namespace nx::evtest;

TEST_SUITE("events/timeline") {
  TEST_CASE("a worker's timeline shows their sign-ups, check-ins and handouts, newest first") {
    World w;
    w.published_event(uid(100), uid(200), 10);
    REQUIRE(applied(w.sign_up(w.worker, uid(300), uid(100), uid(200), uid(400))));
    REQUIRE(applied(w.sign_up(w.other_worker, uid(301), uid(100), uid(200), uid(401))));  // someone else's
    w.now_ms = china("2026-07-15", "08:30");
    REQUIRE(applied(w.step(w.staff, "registration", uid(300), "check_in")));
    REQUIRE(applied(w.create(w.district_staff, "campaign", uid(500),
                             {{"name", "夏送清凉 2026"}, {"category", "summer_cooling"}, {"unit_id", kDistrict},
                              {"items", {"毛巾"}}, {"start_date", "2026-07-01"}, {"end_date", "2026-08-31"}})));
    REQUIRE(applied(w.create(w.staff, "handout", uid(600),
                             {{"campaign_id", uid(500)}, {"member_id", uid(400)}, {"owner_id", "w1"}, {"unit_id", kTown1},
                              {"items", {"毛巾"}}, {"given_at", "2026-07-15T08:40:00+08:00"}, {"place", "城西驿站"},
                              {"device", "phone-a"}})));

    membership::TimelineSubject who;
    who.owner_id = "w1";
    who.member_ids = {uid(400)};
    const auto sources = event_timeline_sources();
    const auto entries = membership::timeline(who, w.store, sources);
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].event == "handout.give");
    CHECK(entries[0].text.text(Locale::ZhCN) == "领取 夏送清凉 2026（城西驿站）");
    CHECK(entries[1].event == "registration.check_in");
    CHECK(entries[1].text.text(Locale::ZhCN) == "签到：夏送清凉 · 防暑讲座");
    CHECK(entries[2].event == "registration.create");
    CHECK(entries[2].at_ms == china("2026-07-10", "12:00"));
  }
}
