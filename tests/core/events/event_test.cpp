#include "core/events/event.h"

#include <doctest/doctest.h>

#include "event_world.h"

using namespace nx;
using namespace nx::events;
using namespace nx::evtest;

namespace {
json good_event() {
  return {{"title", "冬送温暖 暖心集市"}, {"category", "winter_warmth"}, {"unit_id", kTown1}, {"status", "draft"}};
}
}  // namespace

TEST_SUITE("events/event") {
  TEST_CASE("a complete event decodes and round-trips through its fields") {
    json f = good_event();
    f["signup_opens_at"] = "2026-12-01T08:00:00+08:00";
    f["signup_closes_at"] = "2026-12-10T18:00:00+08:00";
    f["place"] = "城西驿站";
    const auto d = decode_event(f);
    REQUIRE(d.ok());
    CHECK(d.value.category == "winter_warmth");
    CHECK(to_fields(d.value) == f);
  }

  TEST_CASE("untrusted event JSON gives one field error per bad field, never a throw") {
    json f = {{"title", 5}, {"category", "party"}, {"unit_id", "town-1"}, {"status", "draft"},
              {"description", std::string(2001, 'x')}, {"signup_opens_at", "2026-12-01 08:00"}, {"colour", "red"}};
    const auto d = decode_event(f);
    CHECK(has_error(d.errors, "title", "type_invalid"));
    CHECK(has_error(d.errors, "category", "enum_invalid"));
    CHECK(has_error(d.errors, "unit_id", "id_invalid"));
    CHECK(has_error(d.errors, "description", "too_long"));
    CHECK(has_error(d.errors, "signup_opens_at", "datetime_invalid"));
    CHECK(has_error(d.errors, "colour", "field_unknown"));
    for (const Error& e : d.errors) {
      CHECK_FALSE(e.message_zh.empty());
      CHECK_FALSE(e.message_en.empty());
    }

    const auto empty = decode_event(json::object());
    CHECK(has_error(empty.errors, "title", "required"));
    CHECK(has_error(empty.errors, "category", "required"));
    CHECK(has_error(empty.errors, "unit_id", "required"));
    CHECK(has_error(empty.errors, "status", "required"));

    CHECK(has_error(decode_event(json::array()).errors, "event", "type_invalid"));
    std::string s;
    for (int i = 0; i < 60; ++i) s += "暖";  // 60 characters, 180 bytes
    json sixty = good_event();
    sixty["title"] = s;
    json sixty_one = good_event();
    sixty_one["title"] = s + "暖";
    CHECK(has_error(decode_event(sixty_one).errors, "title", "too_long"));
    CHECK(decode_event(sixty).ok());
  }

  TEST_CASE("sign-up must close after it opens") {
    json f = good_event();
    f["signup_opens_at"] = "2026-12-10T08:00:00+08:00";
    f["signup_closes_at"] = "2026-12-10T00:00:00Z";  // 08:00 China: the same moment
    CHECK(has_error(decode_event(f).errors, "signup_closes_at", "signup_window_invalid"));
  }

  TEST_CASE("who may create an event: staff of the unit or above, admins") {
    World w;
    json set = good_event();
    set.erase("status");
    CHECK(applied(w.create(w.staff, "event", uid(100), set)));
    CHECK(applied(w.create(w.district_staff, "event", uid(101), set)));
    CHECK(applied(w.create(w.admin, "event", uid(102), set)));
    CHECK(code(w.create(w.sibling_staff, "event", uid(103), set)) == "forbidden");
    CHECK(code(w.create(w.worker, "event", uid(104), set)) == "forbidden");
    CHECK(w.status("event", uid(100)) == "draft");
    // The state and step parameters are not for the create op.
    json with_status = set;
    with_status["status"] = "published";
    CHECK(code(w.create(w.staff, "event", uid(105), with_status)) == "field_protected");
    json with_reason = set;
    with_reason["cancel_reason"] = "x";
    CHECK(code(w.create(w.staff, "event", uid(106), with_reason)) == "param_unknown");
  }

  TEST_CASE("publish needs an open session, and only staff of the unit or above may fire it") {
    World w;
    json set = good_event();
    set.erase("status");
    w.create(w.staff, "event", uid(100), set);
    CHECK(code(w.step(w.staff, "event", uid(100), "publish")) == "no_sessions");
    REQUIRE(applied(w.add_session(uid(100), uid(200), 30)));
    CHECK(code(w.step(w.sibling_staff, "event", uid(100), "publish")) == "transition_forbidden");
    CHECK(code(w.step(w.worker, "event", uid(100), "publish")) == "transition_forbidden");
    CHECK(code(w.step(w.staff, "event", uid(100), "publish", {{"title", "改名"}})) == "param_unknown");
    // Without the other records the rule cannot be checked, so it refuses.
    sync::Op o = w.op("event", uid(100));
    o.transition = "publish";
    CHECK(code(w.apply(w.staff, o, /*with_records=*/false)) == "records_unavailable");
    CHECK(applied(w.step(w.district_staff, "event", uid(100), "publish")));
    CHECK(w.status("event", uid(100)) == "published");
    CHECK(code(w.step(w.staff, "event", uid(100), "publish")) == "transition_invalid");
  }

  TEST_CASE("a cancelled session does not count for publishing") {
    World w;
    json set = good_event();
    set.erase("status");
    w.create(w.staff, "event", uid(100), set);
    w.add_session(uid(100), uid(200), 30);
    REQUIRE(applied(w.step(w.staff, "event_session", uid(200), "cancel")));
    CHECK(code(w.step(w.staff, "event", uid(100), "publish")) == "no_sessions");
  }

  TEST_CASE("finish and cancel: from which states, by whom") {
    World w;
    w.published_event(uid(100), uid(200), 10);
    CHECK(code(w.step(w.worker, "event", uid(100), "finish")) == "transition_forbidden");
    CHECK(code(w.step(w.sibling_staff, "event", uid(100), "cancel")) == "transition_forbidden");
    CHECK(applied(w.step(w.admin, "event", uid(100), "finish")));
    CHECK(code(w.step(w.staff, "event", uid(100), "cancel")) == "transition_invalid");

    World v;
    json set = good_event();
    set.erase("status");
    v.create(v.staff, "event", uid(100), set);
    CHECK(code(v.step(v.staff, "event", uid(100), "finish")) == "transition_invalid");  // a draft never ran
    CHECK(code(v.step(v.staff, "event", uid(100), "cancel", {{"unit_id", kTown2}})) == "param_unknown");
    CHECK(applied(v.step(v.staff, "event", uid(100), "cancel", {{"cancel_reason", "高温预警，改期"}})));
    CHECK(v.status("event", uid(100)) == "cancelled");
    CHECK(v.rec("event", uid(100)).str("cancel_reason") == "高温预警，改期");
  }

  TEST_CASE("staff edit an event's plain fields; a sibling unit's staff and workers may not") {
    World w;
    w.published_event(uid(100), uid(200), 10);
    CHECK(applied(w.edit(w.staff, "event", uid(100), {{"place", "城西驿站二楼"}})));
    CHECK(code(w.edit(w.sibling_staff, "event", uid(100), {{"place", "x"}})) == "forbidden");
    CHECK(code(w.edit(w.worker, "event", uid(100), {{"place", "x"}})) == "forbidden");
    CHECK(code(w.edit(w.staff, "event", uid(100), {{"category", "party"}})) == "enum_invalid");
    CHECK(w.rec("event", uid(100)).str("place") == "城西驿站二楼");
  }

  TEST_CASE("signup_refusal follows the window in China time and the state") {
    sync::Record e;
    e.kind = "event";
    e.id = uid(1);
    e.fields = {{"status", "published"},
                {"signup_opens_at", "2026-07-01T08:00:00+08:00"},
                {"signup_closes_at", "2026-07-10T18:00:00+08:00"}};
    auto before = signup_refusal(e, china("2026-07-01", "07:59"));
    REQUIRE(before);
    CHECK(before->code == "signup_not_open");
    CHECK(before->message_zh.find("2026-07-01 08:00") != std::string::npos);
    CHECK_FALSE(signup_refusal(e, china("2026-07-01", "08:00")));
    CHECK_FALSE(signup_refusal(e, china("2026-07-10", "17:59")));
    auto after = signup_refusal(e, china("2026-07-10", "18:00"));
    REQUIRE(after);
    CHECK(after->code == "signup_closed");
    CHECK(after->message_zh.find("2026-07-10 18:00") != std::string::npos);
    e.fields["status"] = "draft";
    CHECK(signup_refusal(e, china("2026-07-05", "12:00"))->code == "event_not_open");
    e.fields = {{"status", "published"}};  // no window: open while published
    CHECK_FALSE(signup_refusal(e, 0));
  }
}
