#include "core/events/dashboard.h"

#include <doctest/doctest.h>

#include "event_world.h"

using namespace nx;
using namespace nx::events;
using namespace nx::evtest;

TEST_SUITE("events/dashboard") {
  TEST_CASE("upcoming events of a unit and below, with seats left per session, soonest first") {
    World w;
    w.published_event(uid(100), uid(200), 3);                              // T1, 07-15
    w.add_session(uid(100), uid(201), 2, "2026-07-20", "14:00", "16:00");  // T1, 07-20
    w.add_session(uid(100), uid(202), 5, "2026-07-09", "09:00", "10:00");  // already over
    w.sign_up(w.worker, uid(300), uid(100), uid(200), uid(400));
    w.sign_up(w.other_worker, uid(301), uid(100), uid(201), uid(401));
    w.create(w.staff, "registration", uid(302), {{"event_id", uid(100)}, {"session_id", uid(201)}, {"unit_id", kTown1},
                                                  {"member_id", uid(402)}});
    w.create(w.staff, "registration", uid(303), {{"event_id", uid(100)}, {"session_id", uid(201)}, {"unit_id", kTown1},
                                                  {"member_id", uid(403)}});  // waitlisted
    // A sooner event of T1, a T2 event, and a draft.
    w.create(w.staff, "event", uid(101), {{"title", "急救宣讲"}, {"category", "talk"}, {"unit_id", kTown1}});
    w.add_session(uid(101), uid(203), 50, "2026-07-11");
    w.step(w.staff, "event", uid(101), "publish");
    w.create(w.sibling_staff, "event", uid(102), {{"title", "城东集市"}, {"category", "service_fair"}, {"unit_id", kTown2}});
    w.create(w.sibling_staff, "event_session", uid(204), {{"event_id", uid(102)}, {"unit_id", kTown2}, {"date", "2026-07-12"},
                                                           {"start", "09:00"}, {"end", "12:00"}, {"capacity", 100}});
    w.step(w.sibling_staff, "event", uid(102), "publish");
    w.create(w.staff, "event", uid(103), {{"title", "草稿"}, {"category", "other"}, {"unit_id", kTown1}});
    w.add_session(uid(103), uid(205), 10);

    const auto t1 = upcoming_events(kTown1, w.now_ms, w.store, w.units);
    REQUIRE(t1.size() == 2);
    CHECK(t1[0].event_id == uid(101));
    CHECK(t1[0].seats_left == 50);
    CHECK(t1[1].event_id == uid(100));
    REQUIRE(t1[1].sessions.size() == 2);  // the one on 07-09 is over
    CHECK(t1[1].sessions[0].session_id == uid(200));
    CHECK(t1[1].sessions[0].seats.taken == 1);
    CHECK(t1[1].sessions[0].seats.seats_left == 2);
    CHECK(t1[1].sessions[1].session_id == uid(201));
    CHECK(t1[1].sessions[1].seats.taken == 2);
    CHECK(t1[1].sessions[1].seats.waitlisted == 1);
    CHECK(t1[1].sessions[1].seats.seats_left == 0);
    CHECK(t1[1].seats_left == 2);

    const auto district = upcoming_events(kDistrict, w.now_ms, w.store, w.units);
    CHECK(district.size() == 3);
    CHECK(upcoming_events(kTown2, w.now_ms, w.store, w.units).size() == 1);
    CHECK(upcoming_events(kTown1, china("2026-07-20", "16:00"), w.store, w.units).empty());
  }

  TEST_CASE("handouts given per campaign of a unit and below, voided lines apart") {
    World w;
    auto campaign = [&](const std::string& id, const std::string& unit, const char* start) {
      REQUIRE(applied(w.create(w.admin, "campaign", id,
                               {{"name", "活动" + id.substr(34)}, {"category", "summer_cooling"}, {"unit_id", unit},
                                {"items", {"毛巾"}}, {"start_date", start}, {"end_date", "2026-08-31"}})));
    };
    campaign(uid(500), kDistrict, "2026-07-01");
    campaign(uid(501), kTown1, "2026-07-05");
    campaign(uid(502), kTown2, "2026-07-01");
    auto give = [&](int n, const std::string& campaign_id) {
      return w.create(w.staff, "handout", uid(600 + n),
                      {{"campaign_id", campaign_id}, {"member_id", uid(400 + n)}, {"unit_id", kTown1}, {"items", {"毛巾"}},
                       {"given_at", "2026-07-06T10:00:00+08:00"}, {"place", "城西驿站"}, {"device", "phone-a"}});
    };
    REQUIRE(applied(give(1, uid(500))));
    REQUIRE(applied(give(2, uid(500))));
    REQUIRE(applied(give(3, uid(501))));
    w.step(w.staff, "handout", uid(602), "void", {{"void_reason", "登记错了"}});

    const auto district = handouts_per_campaign(kDistrict, w.store, w.units);
    REQUIRE(district.size() == 3);
    CHECK(district[0].campaign_id == uid(501));  // latest first
    CHECK(district[0].given == 1);
    CHECK(district[1].campaign_id == uid(500));
    CHECK(district[1].given == 1);
    CHECK(district[1].voided == 1);
    CHECK(district[2].campaign_id == uid(502));
    CHECK(district[2].given == 0);
    const auto t1 = handouts_per_campaign(kTown1, w.store, w.units);
    REQUIRE(t1.size() == 1);
    CHECK(t1[0].campaign_id == uid(501));
  }
}
