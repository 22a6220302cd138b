#include "core/events/session.h"

#include <doctest/doctest.h>

#include "event_world.h"

using namespace nx;
using namespace nx::events;
using namespace nx::evtest;

namespace {
json good_session() {
  return {{"event_id", uid(100)}, {"unit_id", kTown1}, {"date", "2026-07-15"}, {"start", "09:00"},
          {"end", "11:00"},       {"capacity", 30},    {"status", "open"}};
}
json draft_event() { return {{"title", "子女暑期研学"}, {"category", "study_trip"}, {"unit_id", kTown1}}; }
}  // namespace

TEST_SUITE("events/session") {
  TEST_CASE("a session decodes, round-trips, and gives its span in China time") {
    const auto d = decode_session(good_session());
    REQUIRE(d.ok());
    CHECK(to_fields(d.value) == good_session());
    const TimeSpan span = session_span(d.value);
    CHECK(span.begin_ms == china("2026-07-15", "09:00"));
    CHECK(span.end_ms == civil::parse_datetime_ms("2026-07-15T03:00:00Z"));
    json midnight = good_session();
    midnight["end"] = "24:00";
    CHECK(session_span(decode_session(midnight).value).end_ms == china("2026-07-16", "00:00"));
  }

  TEST_CASE("bad session fields are named: types, ranges, order of times, enums, unknown fields") {
    json f = good_session();
    f["capacity"] = "30";
    f["date"] = "2026-02-30";
    f["start"] = "9:00";
    f["status"] = "full";
    f["seats"] = 3;
    const auto d = decode_session(f);
    CHECK(has_error(d.errors, "capacity", "type_invalid"));
    CHECK(has_error(d.errors, "date", "date_invalid"));
    CHECK(has_error(d.errors, "start", "time_invalid"));
    CHECK(has_error(d.errors, "status", "enum_invalid"));
    CHECK(has_error(d.errors, "seats", "field_unknown"));

    json zero = good_session();
    zero["capacity"] = 0;
    CHECK(has_error(decode_session(zero).errors, "capacity", "out_of_range"));
    zero["capacity"] = kMaxCapacity + 1;
    CHECK(has_error(decode_session(zero).errors, "capacity", "out_of_range"));
    json backwards = good_session();
    backwards["end"] = "09:00";
    CHECK(has_error(decode_session(backwards).errors, "end", "time_range_invalid"));
    const auto empty = decode_session(json::object());
    for (const char* field : {"event_id", "unit_id", "date", "start", "end", "capacity", "status"})
      CHECK_MESSAGE(has_error(empty.errors, field, "required"), field);
  }

  TEST_CASE("a session needs its event, in the event's unit, while the event can still take sessions") {
    World w;
    CHECK(code(w.add_session(uid(100), uid(200), 10)) == "not_found");
    w.create(w.staff, "event", uid(100), draft_event());
    CHECK(code(w.create(w.staff, "event_session", uid(201),
                        {{"event_id", uid(100)}, {"unit_id", kCompany1}, {"date", "2026-07-15"}, {"start", "09:00"},
                         {"end", "11:00"}, {"capacity", 10}})) == "unit_mismatch");
    CHECK(applied(w.add_session(uid(100), uid(200), 10)));
    CHECK(w.status("event_session", uid(200)) == "open");
    w.step(w.staff, "event", uid(100), "cancel");
    CHECK(code(w.add_session(uid(100), uid(202), 10)) == "event_closed");

    World v;
    v.create(v.staff, "event", uid(100), draft_event());
    sync::Op o = v.op("event_session", uid(200));
    o.set = {{"event_id", uid(100)}, {"unit_id", kTown1}, {"date", "2026-07-15"}, {"start", "09:00"}, {"end", "11:00"},
             {"capacity", 10}};
    CHECK(code(v.apply(v.staff, o, /*with_records=*/false)) == "records_unavailable");
  }

  TEST_CASE("who may add and revise a session") {
    World w;
    w.create(w.staff, "event", uid(100), draft_event());
    json set = good_session();
    set.erase("status");
    CHECK(code(w.create(w.sibling_staff, "event_session", uid(200), set)) == "forbidden");
    CHECK(code(w.create(w.worker, "event_session", uid(200), set)) == "forbidden");
    CHECK(applied(w.create(w.district_staff, "event_session", uid(200), set)));
    CHECK(code(w.step(w.sibling_staff, "event_session", uid(200), "revise", {{"place", "x"}})) == "transition_forbidden");
    CHECK(code(w.step(w.worker, "event_session", uid(200), "revise", {{"place", "x"}})) == "transition_forbidden");
    CHECK(applied(w.step(w.staff, "event_session", uid(200), "revise", {{"place", "二号会议室"}, {"end", "11:30"}})));
    CHECK(applied(w.step(w.admin, "event_session", uid(200), "revise", {{"capacity", 40}})));
    const sync::Record& s = w.rec("event_session", uid(200));
    CHECK(s.str("place") == "二号会议室");
    CHECK(s.str("end") == "11:30");
    CHECK(s.integer("capacity") == 40);
  }

  TEST_CASE("a session changes only through revise: plain sets and deletes are refused for everyone") {
    World w;
    w.published_event(uid(100), uid(200), 10);
    CHECK(code(w.edit(w.staff, "event_session", uid(200), {{"capacity", 1}})) == "forbidden");
    CHECK(code(w.edit(w.admin, "event_session", uid(200), {{"place", "x"}})) == "forbidden");
    CHECK(code(w.remove(w.admin, "event_session", uid(200))) == "forbidden");
    CHECK(code(w.step(w.staff, "event_session", uid(200), "revise", {{"event_id", uid(101)}})) == "param_unknown");
    CHECK(code(w.step(w.staff, "event_session", uid(200), "revise", {{"start", "12:00"}})) == "time_range_invalid");
    CHECK(w.rec("event_session", uid(200)).str("start") == "09:00");
  }

  TEST_CASE("capacity can never be revised below the seats already taken") {
    World w;
    w.published_event(uid(100), uid(200), 5);
    for (int i = 0; i < 3; ++i) {
      const Actor person{"w" + std::to_string(10 + i), Role::Worker, "", ""};
      REQUIRE(applied(w.sign_up(person, uid(300 + i), uid(100), uid(200), uid(400 + i))));
    }
    const auto below = w.step(w.staff, "event_session", uid(200), "revise", {{"capacity", 2}});
    CHECK(code(below) == "capacity_below_taken");
    CHECK(below.reason->message_zh.find("3") != std::string::npos);
    CHECK(w.rec("event_session", uid(200)).integer("capacity") == 5);
    CHECK(applied(w.step(w.staff, "event_session", uid(200), "revise", {{"capacity", 3}})));
    // A cancelled registration frees its seat for the count.
    w.step(w.admin, "registration", uid(300), "cancel");
    CHECK(applied(w.step(w.staff, "event_session", uid(200), "revise", {{"capacity", 2}})));
    CHECK(code(w.step(w.staff, "event_session", uid(200), "revise", {{"capacity", 1}})) == "capacity_below_taken");
    // Nor can it be checked without the registrations.
    sync::Op o = w.op("event_session", uid(200));
    o.transition = "revise";
    o.set = {{"capacity", 9}};
    CHECK(code(w.apply(w.staff, o, /*with_records=*/false)) == "records_unavailable");
  }

  TEST_CASE("cancel ends revising; of two offline revises of one session only the newer takes effect") {
    World w;
    w.published_event(uid(100), uid(200), 10);
    sync::Op newer = w.op("event_session", uid(200), "phone-b");
    sync::Op older = newer;
    older.hlc = sync::Hlc{newer.hlc.wall_ms - 1, 0, "phone-a"};
    older.op_id = uid(777);
    newer.transition = older.transition = "revise";
    newer.set = {{"place", "B 的地点"}};
    older.set = {{"place", "A 的地点"}, {"capacity", 12}};
    CHECK(applied(w.apply(w.staff, newer)));
    const auto late = w.apply(w.staff, older);
    CHECK(late.status == sync::ApplyStatus::Merged);
    CHECK(w.rec("event_session", uid(200)).str("place") == "B 的地点");
    CHECK(w.rec("event_session", uid(200)).integer("capacity") == 10);

    CHECK(applied(w.step(w.staff, "event_session", uid(200), "cancel", {{"cancel_reason", "暴雨"}})));
    CHECK(w.status("event_session", uid(200)) == "cancelled");
    CHECK(code(w.step(w.staff, "event_session", uid(200), "revise", {{"place", "x"}})) == "transition_invalid");
    CHECK(code(w.step(w.staff, "event_session", uid(200), "cancel")) == "transition_invalid");
  }
}
