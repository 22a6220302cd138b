#include "core/fieldwork/follow_up.h"

#include <doctest/doctest.h>

#include "../events/event_world.h"

using namespace nx;
using namespace nx::fieldwork;
using namespace nx::evtest;

namespace {
const std::string kVisit = uid(700);
const std::string kItem = uid(710);
const std::string kFollowUp = uid(720);

// A T1 visit with one raised item.
void visit_with_item(World& w) {
  REQUIRE(applied(w.create(w.staff, "visit", kVisit,
                           {{"unit_id", kTown1}, {"type", "enterprise_visit"}, {"enterprise_name", "顺达快递有限公司"},
                            {"date", "2026-07-08"}, {"visitors", {"s1"}}})));
  REQUIRE(applied(w.create(w.staff, "visit_item", kItem,
                           {{"visit_id", kVisit}, {"unit_id", kTown1}, {"text", "站点没有饮水机"}, {"category", "rest"}})));
}

json follow_up(const std::string& owner = "s2", const char* due = "2026-07-20") {
  return {{"visit_id", kVisit}, {"item_id", kItem}, {"unit_id", kTown1}, {"action", "协调企业在站点装饮水机"},
          {"owner_id", owner}, {"due_date", due}};
}
}  // namespace

TEST_SUITE("fieldwork/follow_up") {
  TEST_CASE("decoding names bad fields") {
    json f = follow_up();
    f["owner_id"] = "";
    f["due_date"] = "2026-7-20";
    f["status"] = "later";
    f["action"] = std::string(501, 'a');
    f["priority"] = 1;
    f["assignee"] = std::string(41, 'a');
    const auto d = decode_follow_up(f);
    CHECK(has_error(d.errors, "owner_id", "id_invalid"));
    CHECK(has_error(d.errors, "due_date", "date_invalid"));
    CHECK(has_error(d.errors, "status", "enum_invalid"));
    CHECK(has_error(d.errors, "action", "too_long"));
    CHECK(has_error(d.errors, "priority", "field_unknown"));
    CHECK(has_error(d.errors, "assignee", "too_long"));
    const auto empty = decode_follow_up(json::object());
    for (const char* field : {"visit_id", "unit_id", "action", "owner_id", "due_date", "status"})
      CHECK_MESSAGE(has_error(empty.errors, field, "required"), field);
    json good = follow_up();
    good["status"] = "open";
    good["assignee"] = "美团海陵站 张站长";  // who does it, followed up by the owner
    const auto ok = decode_follow_up(good);
    REQUIRE(ok.ok());
    CHECK(to_fields(ok.value) == good);
  }

  TEST_CASE("a follow-up needs its visit in its unit, and an item of that visit") {
    World w;
    CHECK(code(w.create(w.staff, "follow_up", kFollowUp, follow_up())) == "not_found");
    visit_with_item(w);
    json wrong_unit = follow_up();
    wrong_unit["unit_id"] = kCompany1;
    CHECK(code(w.create(w.staff, "follow_up", kFollowUp, wrong_unit)) == "unit_mismatch");
    REQUIRE(applied(w.create(w.staff, "visit", uid(701),
                             {{"unit_id", kTown1}, {"type", "ride_along"}, {"route", "开发区"}, {"date", "2026-07-09"},
                              {"visitors", {"s1"}}})));
    json other_visit = follow_up();
    other_visit["visit_id"] = uid(701);
    CHECK(code(w.create(w.staff, "follow_up", kFollowUp, other_visit)) == "item_mismatch");
    json no_item = follow_up();
    no_item["item_id"] = uid(719);
    CHECK(code(w.create(w.staff, "follow_up", kFollowUp, no_item)) == "not_found");
    json forged = follow_up();
    forged["done_by"] = "s1";
    CHECK(code(w.create(w.staff, "follow_up", kFollowUp, forged)) == "field_protected");
    json stray = follow_up();
    stray["result_note"] = "已完成";
    CHECK(code(w.create(w.staff, "follow_up", kFollowUp, stray)) == "param_unknown");
    CHECK(code(w.create(w.sibling_staff, "follow_up", kFollowUp, follow_up())) == "forbidden");
    CHECK(code(w.create(w.worker, "follow_up", kFollowUp, follow_up())) == "forbidden");
    const auto r = w.create(w.staff, "follow_up", kFollowUp, follow_up());
    REQUIRE(applied(r));
    CHECK(r.record.str("status") == "open");
    json general = follow_up();
    general.erase("item_id");  // about the visit as a whole
    CHECK(applied(w.create(w.district_staff, "follow_up", uid(721), general)));
  }

  TEST_CASE("complete: the responsible staff member (even of another unit), the unit's staff and above, admins") {
    // s2 works for the sibling town but is named responsible: the owner right lets them close it.
    World w;
    visit_with_item(w);
    REQUIRE(applied(w.create(w.staff, "follow_up", kFollowUp, follow_up("s2"))));
    const Actor sibling_other{"s3", Role::Staff, kTown2, ""};
    CHECK(code(w.step(sibling_other, "follow_up", kFollowUp, "complete")) == "transition_forbidden");
    CHECK(code(w.step(w.worker, "follow_up", kFollowUp, "complete")) == "transition_forbidden");
    CHECK(code(w.step(w.sibling_staff, "follow_up", kFollowUp, "complete", {{"action", "x"}})) == "param_unknown");
    const auto done = w.step(w.sibling_staff, "follow_up", kFollowUp, "complete", {{"result_note", "企业已安装饮水机"}});
    REQUIRE(applied(done));
    CHECK(done.record.str("status") == "done");
    CHECK(done.record.str("done_by") == "s2");
    CHECK(done.record.str("done_at") == civil::format_datetime_utc(w.now_ms));
    CHECK(done.record.str("result_note") == "企业已安装饮水机");
    CHECK(code(w.step(w.staff, "follow_up", kFollowUp, "complete")) == "transition_invalid");
    // The responsible person may not reopen or cancel; only the unit's staff.
    CHECK(code(w.step(w.sibling_staff, "follow_up", kFollowUp, "reopen")) == "transition_forbidden");
    CHECK(code(w.step(w.worker, "follow_up", kFollowUp, "reopen")) == "transition_forbidden");
    const auto reopened = w.step(w.district_staff, "follow_up", kFollowUp, "reopen");
    REQUIRE(applied(reopened));
    CHECK(reopened.record.str("status") == "open");
    CHECK_FALSE(reopened.record.fields.contains("done_by"));
    CHECK_FALSE(reopened.record.fields.contains("done_at"));
    for (const Actor* who : {&w.staff, &w.district_staff, &w.admin}) {
      World v;
      visit_with_item(v);
      v.create(v.staff, "follow_up", kFollowUp, follow_up("s1"));
      CHECK(applied(v.step(*who, "follow_up", kFollowUp, "complete")));
    }
  }

  TEST_CASE("cancel needs a reason and the unit's staff") {
    World w;
    visit_with_item(w);
    REQUIRE(applied(w.create(w.staff, "follow_up", kFollowUp, follow_up("s2"))));
    CHECK(code(w.step(w.sibling_staff, "follow_up", kFollowUp, "cancel", {{"cancel_reason", "x"}})) == "transition_forbidden");
    CHECK(code(w.step(w.worker, "follow_up", kFollowUp, "cancel", {{"cancel_reason", "x"}})) == "transition_forbidden");
    CHECK(code(w.step(w.staff, "follow_up", kFollowUp, "cancel")) == "required");
    CHECK(code(w.step(w.staff, "follow_up", kFollowUp, "cancel", {{"cancel_reason", " "}})) == "required");
    CHECK(applied(w.step(w.admin, "follow_up", kFollowUp, "cancel", {{"cancel_reason", "企业已搬迁"}})));
    CHECK(code(w.step(w.staff, "follow_up", kFollowUp, "complete")) == "transition_invalid");
    CHECK(applied(w.step(w.staff, "follow_up", kFollowUp, "reopen")));
    CHECK(w.status("follow_up", kFollowUp) == "open");
  }

  TEST_CASE("overdue is derived: open and past its due date in China time") {
    json f = follow_up("s1", "2026-07-20");
    f["status"] = "open";
    CHECK_FALSE(is_overdue(f, china("2026-07-20", "23:59")));
    CHECK(is_overdue(f, china("2026-07-21", "00:00")));
    // 2026-07-20T16:00Z is already the 21st in China.
    CHECK(is_overdue(f, *civil::parse_datetime_ms("2026-07-20T16:00:00Z")));
    f["status"] = "done";
    CHECK_FALSE(is_overdue(f, china("2026-08-01", "00:00")));
  }

  TEST_CASE("follow-up counts for a unit and below") {
    World w;
    visit_with_item(w);
    w.create(w.staff, "follow_up", uid(720), follow_up("s1", "2026-07-05"));  // overdue on 07-10
    w.create(w.staff, "follow_up", uid(721), follow_up("s1", "2026-07-30"));
    w.create(w.staff, "follow_up", uid(722), follow_up("s1", "2026-07-01"));
    w.step(w.staff, "follow_up", uid(722), "complete");
    w.create(w.staff, "follow_up", uid(723), follow_up("s1", "2026-07-01"));
    w.step(w.staff, "follow_up", uid(723), "cancel", {{"cancel_reason", "重复"}});
    const FollowUpCounts t1 = follow_up_counts(kTown1, w.now_ms, w.store, w.units);
    CHECK(t1.open == 2);
    CHECK(t1.overdue == 1);
    CHECK(t1.done == 1);
    CHECK(t1.cancelled == 1);
    CHECK(follow_up_counts(kDistrict, w.now_ms, w.store, w.units).open == 2);
    CHECK(follow_up_counts(kTown2, w.now_ms, w.store, w.units).open == 0);
    CHECK(follow_up_counts(kTown1, china("2026-07-31", "08:00"), w.store, w.units).overdue == 2);
  }
}
