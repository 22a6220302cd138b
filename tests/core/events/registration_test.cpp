#include "core/events/registration.h"

#include <random>

#include <doctest/doctest.h>

#include "event_world.h"

using namespace nx;
using namespace nx::events;
using namespace nx::evtest;

namespace {
const std::string kEvent = uid(100);
const std::string kSession = uid(200);

Actor worker_n(int n) { return Actor{"w" + std::to_string(n), Role::Worker, "", ""}; }

// Registered + checked-in + no-show in the session, straight from the store.
std::int64_t seats_taken(const World& w, const std::string& session) {
  return count_seats(w.rec("event_session", session).fields, session_registrations(w.store, session)).taken;
}

sync::Record reg(const std::string& id, const std::string& status, const std::string& created_at,
                 const std::string& session = kSession) {
  sync::Record r;
  r.kind = "registration";
  r.id = id;
  r.fields = {{"session_id", session}, {"status", status}, {"created_at", created_at}};
  return r;
}
}  // namespace

TEST_SUITE("events/registration") {
  TEST_CASE("decoding a registration reports every bad field") {
    json f = {{"event_id", uid(1)}, {"session_id", "s-1"}, {"unit_id", 7}, {"owner_id", "w 1"},
              {"status", "maybe"},  {"note", std::string(201, 'n')},    {"seat", 3}};
    const auto d = decode_registration(f);
    CHECK(has_error(d.errors, "session_id", "id_invalid"));
    CHECK(has_error(d.errors, "unit_id", "type_invalid"));
    CHECK(has_error(d.errors, "member_id", "required"));
    CHECK(has_error(d.errors, "owner_id", "id_invalid"));
    CHECK(has_error(d.errors, "status", "enum_invalid"));
    CHECK(has_error(d.errors, "note", "too_long"));
    CHECK(has_error(d.errors, "seat", "field_unknown"));

    Registration g{uid(1), uid(2), uid(3), uid(4), "w1", "", "waitlisted", "w1", "2026-07-10T04:00:00Z", "", "", "", "", ""};
    const auto back = decode_registration(to_fields(g));
    REQUIRE(back.ok());
    CHECK(back.value.status == "waitlisted");
    CHECK(back.value.created_at == g.created_at);
  }

  TEST_CASE("a worker signs up themselves; the rule records who and when") {
    World w;
    w.published_event(kEvent, kSession, 10);
    const auto r = w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400));
    REQUIRE(applied(r));
    CHECK(r.record.str("status") == "registered");
    CHECK(r.record.str("created_by") == "w1");
    CHECK(r.record.str("created_at") == civil::format_datetime_utc_ms(w.now_ms));
    // Nobody may sign up someone else as a worker, nor forge who recorded it or its state.
    CHECK(code(w.create(w.worker, "registration", uid(301),
                        {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(401)},
                         {"owner_id", "w2"}})) == "forbidden");
    json forged = {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(402)},
                   {"owner_id", "w2"}, {"created_by", "s1"}};
    CHECK(code(w.create(w.other_worker, "registration", uid(302), forged)) == "field_protected");
    forged.erase("created_by");
    forged["status"] = "checked_in";
    CHECK(code(w.create(w.other_worker, "registration", uid(302), forged)) == "field_protected");
    forged.erase("status");
    forged["checked_in_at"] = "2026-07-15T09:00:00+08:00";
    CHECK(code(w.create(w.other_worker, "registration", uid(302), forged)) == "param_unknown");
  }

  TEST_CASE("staff register a worker on their behalf: staff of the unit or above, and admins") {
    World w;
    w.published_event(kEvent, kSession, 10);
    auto on_behalf = [&](const Actor& who, int n) {
      return w.create(who, "registration", uid(300 + n),
                      {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(400 + n)},
                       {"owner_id", "w" + std::to_string(20 + n)}});
    };
    const auto by_staff = on_behalf(w.staff, 1);
    REQUIRE(applied(by_staff));
    CHECK(by_staff.record.str("created_by") == "s1");
    CHECK(by_staff.record.str("owner_id") == "w21");
    CHECK(applied(on_behalf(w.district_staff, 2)));
    CHECK(applied(on_behalf(w.admin, 3)));
    CHECK(code(on_behalf(w.sibling_staff, 4)) == "forbidden");
    // A walk-in without an app account: no owner, only the member.
    CHECK(applied(w.create(w.staff, "registration", uid(310),
                           {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(410)}})));
  }

  TEST_CASE("the sign-up window binds workers; staff may register walk-ins until the session ends") {
    World w;
    w.published_event(kEvent, kSession, 10,
                      {{"signup_opens_at", "2026-07-05T08:00:00+08:00"}, {"signup_closes_at", "2026-07-14T18:00:00+08:00"}});
    w.now_ms = china("2026-07-05", "07:00");
    CHECK(code(w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400))) == "signup_not_open");
    w.now_ms = china("2026-07-14", "18:00");
    CHECK(code(w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400))) == "signup_closed");
    w.now_ms = china("2026-07-15", "10:00");
    CHECK(applied(w.create(w.staff, "registration", uid(301),
                           {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(401)},
                            {"owner_id", "w5"}})));
    w.now_ms = china("2026-07-15", "11:00");
    CHECK(code(w.create(w.staff, "registration", uid(302),
                        {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(402)}})) ==
          "session_over");
  }

  TEST_CASE("a registration needs a published event, an open session of that event, and the event's unit") {
    World w;
    CHECK(code(w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400))) == "not_found");
    w.create(w.staff, "event", kEvent, {{"title", "技能竞赛"}, {"category", "skills_competition"}, {"unit_id", kTown1}});
    w.add_session(kEvent, kSession, 10);
    CHECK(code(w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400))) == "event_not_open");
    CHECK(code(w.create(w.staff, "registration", uid(300),
                        {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(400)}})) ==
          "event_not_open");
    w.step(w.staff, "event", kEvent, "publish");
    CHECK(code(w.create(w.worker, "registration", uid(300),
                        {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown2}, {"member_id", uid(400)},
                         {"owner_id", "w1"}})) == "unit_mismatch");
    w.create(w.staff, "event", uid(101), {{"title", "培训"}, {"category", "training"}, {"unit_id", kTown1}});
    w.add_session(uid(101), uid(201), 10);
    CHECK(code(w.sign_up(w.worker, uid(300), uid(101), kSession, uid(400))) == "session_mismatch");
    w.add_session(kEvent, uid(202), 10, "2026-07-16");
    w.step(w.staff, "event_session", uid(202), "cancel");
    CHECK(code(w.sign_up(w.worker, uid(300), kEvent, uid(202), uid(400))) == "session_cancelled");
    sync::Op o = w.op("registration", uid(300));
    o.set = {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(400)}, {"owner_id", "w1"}};
    CHECK(code(w.apply(w.worker, o, /*with_records=*/false)) == "records_unavailable");
    CHECK(applied(w.apply(w.worker, o)));
  }

  TEST_CASE("one live registration per person per session") {
    World w;
    w.published_event(kEvent, kSession, 10);
    w.add_session(kEvent, uid(201), 10, "2026-07-16");
    REQUIRE(applied(w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400))));
    const auto again = w.sign_up(w.worker, uid(301), kEvent, kSession, uid(400));
    CHECK(code(again) == "already_registered");
    CHECK(again.reason->message_zh.find("已报名") != std::string::npos);
    // The same account with another member id, or staff entering the same member again.
    CHECK(code(w.sign_up(w.worker, uid(301), kEvent, kSession, uid(409))) == "already_registered");
    CHECK(code(w.create(w.staff, "registration", uid(302),
                        {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(400)}})) ==
          "already_registered");
    CHECK(applied(w.sign_up(w.worker, uid(303), kEvent, uid(201), uid(400))));  // another session is fine
    REQUIRE(applied(w.step(w.worker, "registration", uid(300), "cancel")));
    CHECK(applied(w.sign_up(w.worker, uid(304), kEvent, kSession, uid(400))));  // after cancelling, again
  }

  TEST_CASE("a member's own account owns the registration; no signing up someone else's member") {
    World w;
    w.published_event(kEvent, kSession, 10);
    sync::Record member;
    member.kind = "member";
    member.id = uid(400);
    member.fields = {{"owner_id", "w1"}, {"unit_id", kTown1}};
    w.store.put(member);
    CHECK(code(w.sign_up(w.other_worker, uid(300), kEvent, kSession, uid(400))) == "member_mismatch");
    const auto by_staff = w.create(w.staff, "registration", uid(301),
                                   {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(400)}});
    REQUIRE(applied(by_staff));
    CHECK(by_staff.record.str("owner_id") == "w1");
    CHECK(applied(w.step(w.worker, "registration", uid(301), "cancel")));  // so the worker can manage it
  }

  TEST_CASE("at capacity new registrations wait; a freed seat goes to the earliest waiting, never over capacity") {
    World w;
    w.published_event(kEvent, kSession, 2);
    for (int i = 0; i < 4; ++i) {
      w.now_ms += 60'000;  // one a minute
      REQUIRE(applied(w.sign_up(worker_n(10 + i), uid(300 + i), kEvent, kSession, uid(400 + i))));
    }
    CHECK(w.status("registration", uid(300)) == "registered");
    CHECK(w.status("registration", uid(301)) == "registered");
    CHECK(w.status("registration", uid(302)) == "waitlisted");
    CHECK(w.status("registration", uid(303)) == "waitlisted");
    const auto regs = session_registrations(w.store, kSession);
    CHECK(waitlist_position(w.rec("registration", uid(303)), regs) == 2u);
    CHECK_FALSE(waitlist_position(w.rec("registration", uid(300)), regs));
    // Full: nothing to promote, and promoting anyway is refused.
    CHECK_FALSE(next_to_promote(w.rec("event_session", kSession), regs));
    CHECK(code(w.step(w.staff, "registration", uid(302), "promote")) == "session_full");

    REQUIRE(applied(w.step(worker_n(10), "registration", uid(300), "cancel")));
    const auto next = next_to_promote(w.rec("event_session", kSession), session_registrations(w.store, kSession));
    REQUIRE(next);
    CHECK(*next == uid(302));
    REQUIRE(applied(w.step(w.staff, "registration", *next, "promote")));
    CHECK(w.status("registration", uid(302)) == "registered");
    CHECK_FALSE(w.rec("registration", uid(302)).str("promoted_at").empty());
    CHECK(seats_taken(w, kSession) == 2);
    CHECK(code(w.step(w.admin, "registration", uid(303), "promote")) == "session_full");
    CHECK_FALSE(next_to_promote(w.rec("event_session", kSession), session_registrations(w.store, kSession)));

    // Raising the capacity frees a seat for the last one.
    REQUIRE(applied(w.step(w.staff, "event_session", kSession, "revise", {{"capacity", 3}})));
    CHECK(next_to_promote(w.rec("event_session", kSession), session_registrations(w.store, kSession)) == uid(303));
    CHECK(applied(w.step(w.admin, "registration", uid(303), "promote")));
    CHECK(seats_taken(w, kSession) == 3);
  }

  TEST_CASE("who may promote, and from which state") {
    World w;
    w.published_event(kEvent, kSession, 1);
    w.sign_up(worker_n(10), uid(300), kEvent, kSession, uid(400));
    w.sign_up(w.worker, uid(301), kEvent, kSession, uid(401));
    REQUIRE(w.status("registration", uid(301)) == "waitlisted");
    w.step(w.staff, "registration", uid(300), "cancel");
    CHECK(code(w.step(w.worker, "registration", uid(301), "promote")) == "transition_forbidden");  // the owner
    CHECK(code(w.step(w.other_worker, "registration", uid(301), "promote")) == "transition_forbidden");
    CHECK(code(w.step(w.sibling_staff, "registration", uid(301), "promote")) == "transition_forbidden");
    CHECK(code(w.step(w.staff, "registration", uid(301), "promote", {{"note", "x"}})) == "param_unknown");
    CHECK(applied(w.step(w.district_staff, "registration", uid(301), "promote")));
    CHECK(code(w.step(w.admin, "registration", uid(301), "promote")) == "transition_invalid");
  }

  TEST_CASE("promotion is refused once the session is over, cancelled, or the event is closed") {
    World w;
    w.published_event(kEvent, kSession, 1);
    w.sign_up(worker_n(10), uid(300), kEvent, kSession, uid(400));
    w.sign_up(w.worker, uid(301), kEvent, kSession, uid(401));
    w.step(w.staff, "registration", uid(300), "cancel");
    const sync::Record& session = w.rec("event_session", kSession);
    CHECK(next_to_promote(session, session_registrations(w.store, kSession), china("2026-07-15", "10:59")) == uid(301));
    CHECK_FALSE(next_to_promote(session, session_registrations(w.store, kSession), china("2026-07-15", "11:00")));
    w.now_ms = china("2026-07-15", "11:00");
    CHECK(code(w.step(w.staff, "registration", uid(301), "promote")) == "session_over");
    w.now_ms = china("2026-07-10", "12:00");
    w.step(w.staff, "event", kEvent, "finish");
    CHECK(code(w.step(w.staff, "registration", uid(301), "promote")) == "event_not_open");

    World v;
    v.published_event(kEvent, kSession, 1);
    v.sign_up(worker_n(10), uid(300), kEvent, kSession, uid(400));
    v.sign_up(v.worker, uid(301), kEvent, kSession, uid(401));
    v.step(v.staff, "registration", uid(300), "cancel");
    v.step(v.staff, "event_session", kSession, "cancel");
    CHECK_FALSE(next_to_promote(v.rec("event_session", kSession), session_registrations(v.store, kSession)));
    CHECK(code(v.step(v.staff, "registration", uid(301), "promote")) == "session_cancelled");
  }

  TEST_CASE("next_to_promote: earliest created first, then by id; other sessions and deleted records ignored") {
    sync::Record session;
    session.kind = "event_session";
    session.id = kSession;
    session.fields = {{"capacity", 2}, {"status", "open"}, {"date", "2026-07-15"}, {"start", "09:00"}, {"end", "11:00"},
                      {"event_id", kEvent}, {"unit_id", kTown1}};
    sync::Record a = reg(uid(9), "registered", "2026-07-10T01:00:00Z");
    sync::Record b = reg(uid(8), "waitlisted", "2026-07-10T02:00:00Z");
    sync::Record c = reg(uid(7), "waitlisted", "2026-07-10T02:00:00Z");  // same moment, smaller id
    sync::Record d = reg(uid(1), "waitlisted", "2026-07-10T01:30:00Z", uid(201));  // another session
    sync::Record e = reg(uid(2), "waitlisted", "2026-07-10T00:00:00Z");
    e.deleted = true;
    CHECK(next_to_promote(session, {&a, &b, &c, &d, &e}) == uid(7));
    sync::Record f = reg(uid(6), "checked_in", "2026-07-10T00:00:00Z");
    CHECK_FALSE(next_to_promote(session, {&a, &b, &c, &f}));  // a checked-in person holds a seat
    sync::Record g = reg(uid(5), "no_show", "2026-07-10T00:00:00Z");
    CHECK_FALSE(next_to_promote(session, {&a, &b, &g}));
    CHECK_FALSE(next_to_promote(session, {&a}));  // nobody waiting
    CHECK(waitlist_position(b, {&a, &b, &c}) == 2u);
  }

  TEST_CASE("capacity holds after every op, in any order of sign-ups, cancels and promotions") {
    for (unsigned seed = 1; seed <= 20; ++seed) {
      World w;
      const std::int64_t capacity = 1 + seed % 4;
      w.published_event(kEvent, kSession, capacity);
      std::mt19937 rng(seed);
      int made = 0;
      bool waited = false;
      for (int step = 0; step < 60; ++step) {
        const int choice = static_cast<int>(rng() % 6);
        if (choice < 3 || made == 0) {
          w.sign_up(worker_n(100 + made), uid(1000 + made), kEvent, kSession, uid(2000 + made));
          ++made;
        } else {
          const int n = static_cast<int>(rng() % static_cast<unsigned>(made));
          const char* what = choice == 3 ? "cancel" : "promote";
          w.step(choice == 5 ? w.admin : w.staff, "registration", uid(1000 + n), what);
        }
        REQUIRE(seats_taken(w, kSession) <= capacity);
        waited |= count_seats(w.rec("event_session", kSession).fields, session_registrations(w.store, kSession)).waitlisted > 0;
        // Whenever a seat is free and someone waits, the server's promotion fills it.
        if (auto next = next_to_promote(w.rec("event_session", kSession), session_registrations(w.store, kSession))) {
          REQUIRE(applied(w.step(w.admin, "registration", *next, "promote")));
          REQUIRE(seats_taken(w, kSession) <= capacity);
        }
      }
      CHECK(waited);  // the run did reach the waitlist
    }
  }

  TEST_CASE("two phones offline both take the last seat: the record holder registers one and waitlists the other") {
    World server;
    server.published_event(kEvent, kSession, 1);
    World phone_a = server;
    World phone_b = server;
    const auto a = phone_a.sign_up(worker_n(10), uid(300), kEvent, kSession, uid(400));
    const auto b = phone_b.sign_up(worker_n(11), uid(301), kEvent, kSession, uid(401));
    CHECK(a.record.str("status") == "registered");  // each phone alone saw a free seat
    CHECK(b.record.str("status") == "registered");
    sync::Op op_a = phone_a.op("registration", uid(300), "phone-a");
    op_a.set = {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(400)}, {"owner_id", "w10"}};
    sync::Op op_b = phone_b.op("registration", uid(301), "phone-b");
    op_b.set = {{"event_id", kEvent}, {"session_id", kSession}, {"unit_id", kTown1}, {"member_id", uid(401)}, {"owner_id", "w11"}};
    CHECK(applied(server.apply(worker_n(11), op_b)));
    CHECK(applied(server.apply(worker_n(10), op_a)));
    CHECK(server.status("registration", uid(301)) == "registered");
    CHECK(server.status("registration", uid(300)) == "waitlisted");
    CHECK(seats_taken(server, kSession) == 1);
  }

  TEST_CASE("cancel: the owner, staff of the unit or above, admins; not another worker nor a sibling unit") {
    const World w;  // its actors
    // Each check uses its own registration (one per person per session, so one world each).
    auto fresh = [&](World& v) {
      v.published_event(kEvent, kSession, 10);
      REQUIRE(applied(v.sign_up(v.worker, uid(300), kEvent, kSession, uid(400))));
    };
    {
      World v;
      fresh(v);
      CHECK(code(v.step(v.other_worker, "registration", uid(300), "cancel")) == "transition_forbidden");
      CHECK(code(v.step(v.sibling_staff, "registration", uid(300), "cancel")) == "transition_forbidden");
      CHECK(code(v.step(v.worker, "registration", uid(300), "cancel", {{"session_id", uid(201)}})) == "param_unknown");
      const auto ok = v.step(v.worker, "registration", uid(300), "cancel", {{"cancel_reason", "要加班"}});
      REQUIRE(applied(ok));
      CHECK(ok.record.str("cancel_reason") == "要加班");
      CHECK(ok.record.str("cancelled_by") == "w1");
      CHECK(code(v.step(v.worker, "registration", uid(300), "cancel")) == "transition_invalid");
    }
    for (const Actor* who : {&w.staff, &w.district_staff, &w.admin}) {
      World v;
      fresh(v);
      CHECK(applied(v.step(*who, "registration", uid(300), "cancel")));
      CHECK(v.rec("registration", uid(300)).str("cancelled_by") == who->user_id);
    }
  }

  TEST_CASE("registrations change only through their steps: no plain set, no delete, for anyone") {
    World w;
    w.published_event(kEvent, kSession, 10);
    w.add_session(kEvent, uid(201), 10, "2026-07-16");
    REQUIRE(applied(w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400))));
    for (const Actor* who : {&w.worker, &w.staff, &w.admin}) {
      CHECK(code(w.edit(*who, "registration", uid(300), {{"session_id", uid(201)}})) == "forbidden");
      CHECK(code(w.remove(*who, "registration", uid(300))) == "forbidden");
    }
    CHECK(w.rec("registration", uid(300)).str("session_id") == kSession);
  }

  TEST_CASE("check-in: from 1 hour before the start to the end of the session's day, China time") {
    World w;
    w.published_event(kEvent, kSession, 10);
    w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400));
    const TimeSpan window = check_in_window(decode_session(w.rec("event_session", kSession).fields).value);
    CHECK(window.begin_ms == china("2026-07-15", "08:00"));
    CHECK(window.end_ms == china("2026-07-16", "00:00"));

    w.now_ms = china("2026-07-15", "07:59");
    const auto early = w.step(w.staff, "registration", uid(300), "check_in");
    CHECK(code(early) == "check_in_too_early");
    CHECK(early.reason->message_zh.find("2026-07-15 08:00") != std::string::npos);
    w.now_ms = china("2026-07-16", "00:00");
    CHECK(code(w.step(w.staff, "registration", uid(300), "check_in")) == "check_in_closed");
    w.now_ms = china("2026-07-15", "23:59");
    CHECK(applied(w.step(w.staff, "registration", uid(300), "check_in")));
    CHECK(w.status("registration", uid(300)) == "checked_in");
    CHECK(w.rec("registration", uid(300)).str("checked_in_by") == "s1");
    CHECK(w.rec("registration", uid(300)).str("checked_in_at") == civil::format_datetime_utc(w.now_ms));

    World v;
    v.published_event(kEvent, kSession, 10);
    v.sign_up(v.worker, uid(300), kEvent, kSession, uid(400));
    v.now_ms = china("2026-07-15", "08:00");
    CHECK(applied(v.step(v.staff, "registration", uid(300), "check_in")));
  }

  TEST_CASE("an offline check-in synced the next day counts at the moment it was tapped") {
    World w;
    w.published_event(kEvent, kSession, 10);
    w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400));
    w.now_ms = china("2026-07-16", "10:00");
    CHECK(code(w.step(w.staff, "registration", uid(300), "check_in", {{"checked_in_at", "2026-07-15T07:30:00+08:00"}})) ==
          "check_in_too_early");
    CHECK(code(w.step(w.staff, "registration", uid(300), "check_in", {{"checked_in_at", "2026-07-15 09:30"}})) ==
          "datetime_invalid");
    CHECK(code(w.step(w.staff, "registration", uid(300), "check_in", {{"checked_in_at", 1}})) == "datetime_invalid");
    CHECK(code(w.step(w.staff, "registration", uid(300), "check_in", {{"checked_in_at", "2026-07-16T10:11:00+08:00"}})) ==
          "moment_in_future");
    REQUIRE(applied(w.step(w.staff, "registration", uid(300), "check_in", {{"checked_in_at", "2026-07-15T09:30:00+08:00"}})));
    CHECK(w.rec("registration", uid(300)).str("checked_in_at") == "2026-07-15T09:30:00+08:00");
  }

  TEST_CASE("a session just after midnight opens check-in the evening before") {
    World w;
    w.published_event(kEvent, kSession, 10);
    w.add_session(kEvent, uid(201), 10, "2026-07-16", "00:30", "02:00");
    w.sign_up(w.worker, uid(300), kEvent, uid(201), uid(400));
    w.now_ms = china("2026-07-15", "23:29");
    CHECK(code(w.step(w.staff, "registration", uid(300), "check_in")) == "check_in_too_early");
    w.now_ms = china("2026-07-15", "23:30");
    CHECK(applied(w.step(w.staff, "registration", uid(300), "check_in")));
  }

  TEST_CASE("who may check in, and only the registered") {
    World w;
    w.published_event(kEvent, kSession, 1);
    w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400));
    w.sign_up(worker_n(10), uid(301), kEvent, kSession, uid(401));
    w.now_ms = china("2026-07-15", "09:00");
    CHECK(code(w.step(w.worker, "registration", uid(300), "check_in")) == "transition_forbidden");  // not oneself
    CHECK(code(w.step(w.other_worker, "registration", uid(300), "check_in")) == "transition_forbidden");
    CHECK(code(w.step(w.sibling_staff, "registration", uid(300), "check_in")) == "transition_forbidden");
    CHECK(code(w.step(w.staff, "registration", uid(301), "check_in")) == "transition_invalid");  // waitlisted
    CHECK(code(w.step(w.staff, "registration", uid(300), "check_in", {{"note", "x"}})) == "param_unknown");
    CHECK(applied(w.step(w.district_staff, "registration", uid(300), "check_in")));
    CHECK(code(w.step(w.admin, "registration", uid(300), "check_in")) == "transition_invalid");
    CHECK(code(w.step(w.worker, "registration", uid(300), "cancel")) == "transition_invalid");  // already there

    World v;
    v.published_event(kEvent, kSession, 1);
    v.sign_up(v.worker, uid(300), kEvent, kSession, uid(400));
    v.step(v.staff, "event", kEvent, "cancel");
    v.now_ms = china("2026-07-15", "09:00");
    CHECK(code(v.step(v.admin, "registration", uid(300), "check_in")) == "event_cancelled");
  }

  TEST_CASE("no-show: staff only, only after the session ended, only for the registered") {
    World w;
    w.published_event(kEvent, kSession, 1);
    w.sign_up(w.worker, uid(300), kEvent, kSession, uid(400));
    w.sign_up(worker_n(10), uid(301), kEvent, kSession, uid(401));
    w.now_ms = china("2026-07-15", "10:59");
    CHECK(code(w.step(w.staff, "registration", uid(300), "no_show")) == "session_not_over");
    w.now_ms = china("2026-07-15", "11:00");
    CHECK(code(w.step(w.worker, "registration", uid(300), "no_show")) == "transition_forbidden");
    CHECK(code(w.step(w.sibling_staff, "registration", uid(300), "no_show")) == "transition_forbidden");
    CHECK(code(w.step(w.staff, "registration", uid(301), "no_show")) == "transition_invalid");
    CHECK(applied(w.step(w.staff, "registration", uid(300), "no_show")));
    CHECK(w.status("registration", uid(300)) == "no_show");
    CHECK(code(w.step(w.admin, "registration", uid(300), "check_in")) == "transition_invalid");
    for (const Actor* who : {&w.district_staff, &w.admin}) {
      World v;
      v.published_event(kEvent, kSession, 1);
      v.sign_up(v.worker, uid(300), kEvent, kSession, uid(400));
      v.now_ms = china("2026-07-16", "09:00");
      CHECK(applied(v.step(*who, "registration", uid(300), "no_show")));
    }
  }

  TEST_CASE("a seat may come free when a seat holder leaves or a session's capacity changes") {
    const sync::Record registered = reg(uid(300), "registered", "2026-07-01T09:00:00+08:00");
    sync::Record cancelled = registered;
    cancelled.fields["status"] = "cancelled";
    CHECK(may_free_seat(&registered, cancelled));
    CHECK_FALSE(may_free_seat(nullptr, registered));
    sync::Record checked_in = registered;
    checked_in.fields["status"] = "checked_in";
    CHECK_FALSE(may_free_seat(&registered, checked_in));
    const sync::Record waiting = reg(uid(301), "waitlisted", "2026-07-01T09:00:00+08:00");
    sync::Record waiting_cancelled = waiting;
    waiting_cancelled.fields["status"] = "cancelled";
    CHECK_FALSE(may_free_seat(&waiting, waiting_cancelled));

    sync::Record session;
    session.kind = "event_session";
    session.id = kSession;
    session.fields = {{"capacity", 10}, {"status", "open"}};
    sync::Record larger = session;
    larger.fields["capacity"] = 12;
    CHECK(may_free_seat(&session, larger));
    sync::Record renamed = session;
    renamed.fields["place"] = "工人文化宫";
    CHECK_FALSE(may_free_seat(&session, renamed));
  }
}
