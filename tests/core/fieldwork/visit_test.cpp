#include "core/fieldwork/visit.h"

#include <doctest/doctest.h>

#include "../events/event_world.h"

using namespace nx;
using namespace nx::fieldwork;
using namespace nx::evtest;

namespace {
const std::string kVisit = uid(700);

json enterprise_visit() {
  return {{"unit_id", kTown1}, {"type", "enterprise_visit"}, {"enterprise_unit_id", kCompany1}, {"enterprise_name", "顺达快递有限公司"},
          {"date", "2026-07-08"}, {"visitors", {"s1", "sd"}}, {"workers_met", 12}, {"summary", "站点午休没有地方，夏天太热"}};
}
json item(const char* text, const char* category = "rest") {
  return {{"visit_id", kVisit}, {"unit_id", kTown1}, {"text", text}, {"category", category}};
}
}  // namespace

TEST_SUITE("fieldwork/visit") {
  TEST_CASE("visits decode and round-trip; a ride-along needs a route, other visits an enterprise") {
    const auto d = decode_visit(enterprise_visit());
    REQUIRE(d.ok());
    CHECK(to_fields(d.value) == enterprise_visit());
    json ride = {{"unit_id", kTown1}, {"type", "ride_along"}, {"date", "2026-07-08"}, {"visitors", {"s1"}}};
    CHECK(has_error(decode_visit(ride).errors, "route", "required"));
    ride["route"] = "城西 → 开发区 外卖高峰线路";
    CHECK(decode_visit(ride).ok());
    json survey = {{"unit_id", kTown1}, {"type", "survey"}, {"date", "2026-07-08"}, {"visitors", {"s1"}}, {"enterprise_name", " "}};
    CHECK(has_error(decode_visit(survey).errors, "enterprise_name", "required"));
  }

  TEST_CASE("bad visit fields: enum, visitors list, counts, lengths, unknown") {
    json f = enterprise_visit();
    f["type"] = "party";
    f["workers_met"] = -1;
    f["summary"] = std::string(2001, 's');
    f["date"] = "08/07/2026";
    f["photos"] = json::array();
    const auto d = decode_visit(f);
    CHECK(has_error(d.errors, "type", "enum_invalid"));
    CHECK(has_error(d.errors, "workers_met", "out_of_range"));
    CHECK(has_error(d.errors, "summary", "too_long"));
    CHECK(has_error(d.errors, "date", "date_invalid"));
    CHECK(has_error(d.errors, "photos", "field_unknown"));
    auto visitors = [](json v) {
      json g = enterprise_visit();
      g["visitors"] = std::move(v);
      const auto errors = decode_visit(g).errors;
      return errors.empty() ? std::string("ok") : errors.front().code;
    };
    CHECK(visitors(json::array()) == "required");
    CHECK(visitors({"s1", "s1"}) == "duplicate");
    CHECK(visitors({"s1", "张 三"}) == "id_invalid");
    CHECK(visitors("s1") == "type_invalid");
    CHECK(visitors({1}) == "type_invalid");
    const auto empty = decode_visit(json::object());
    for (const char* field : {"unit_id", "type", "date", "visitors"})
      CHECK_MESSAGE(has_error(empty.errors, field, "required"), field);
  }

  TEST_CASE("who logs visits: staff of the unit or above, admins; a named enterprise must be a company union") {
    World w;
    CHECK(applied(w.create(w.staff, "visit", kVisit, enterprise_visit())));
    CHECK(applied(w.create(w.district_staff, "visit", uid(701), enterprise_visit())));
    CHECK(applied(w.create(w.admin, "visit", uid(702), enterprise_visit())));
    CHECK(code(w.create(w.sibling_staff, "visit", uid(703), enterprise_visit())) == "forbidden");
    CHECK(code(w.create(w.worker, "visit", uid(704), enterprise_visit())) == "forbidden");
    json wrong = enterprise_visit();
    wrong["enterprise_unit_id"] = kTown2;
    CHECK(code(w.create(w.staff, "visit", uid(705), wrong)) == "not_company_union");
    wrong["enterprise_unit_id"] = uid(799);
    CHECK(code(w.create(w.staff, "visit", uid(705), wrong)) == "not_found");
    sync::Op o = w.op("visit", uid(706));
    o.set = enterprise_visit();
    CHECK(code(w.apply(w.staff, o, /*with_records=*/false)) == "records_unavailable");
    json unnamed = enterprise_visit();
    unnamed.erase("enterprise_unit_id");  // typed offline, no unit picked: needs no lookup
    o.set = unnamed;
    CHECK(applied(w.apply(w.staff, o, /*with_records=*/false)));
    CHECK(applied(w.edit(w.staff, "visit", kVisit, {{"workers_met", 15}})));
    CHECK(code(w.edit(w.sibling_staff, "visit", kVisit, {{"workers_met", 1}})) == "forbidden");
    CHECK(w.rec("visit", kVisit).integer("workers_met") == 15);
  }

  TEST_CASE("raised items need their visit, in its unit; items decode with their category") {
    World w;
    CHECK(code(w.create(w.staff, "visit_item", uid(710), item("没有午休的地方"))) == "not_found");
    REQUIRE(applied(w.create(w.staff, "visit", kVisit, enterprise_visit())));
    json other_unit = item("没有午休的地方");
    other_unit["unit_id"] = kCompany1;
    CHECK(code(w.create(w.staff, "visit_item", uid(710), other_unit)) == "unit_mismatch");
    CHECK(code(w.create(w.staff, "visit_item", uid(710), item("x", "food"))) == "enum_invalid");
    CHECK(code(w.create(w.staff, "visit_item", uid(710), item(""))) == "required");
    CHECK(code(w.create(w.sibling_staff, "visit_item", uid(710), item("没有午休的地方"))) == "forbidden");
    CHECK(code(w.create(w.worker, "visit_item", uid(710), item("没有午休的地方"))) == "forbidden");
    CHECK(applied(w.create(w.district_staff, "visit_item", uid(710), item("没有午休的地方"))));
    const auto d = decode_visit_item(w.rec("visit_item", uid(710)).fields);
    REQUIRE(d.ok());
    CHECK(d.value.category == "rest");
    CHECK(to_fields(d.value) == w.rec("visit_item", uid(710)).fields);
    json unknown = item("x");
    unknown["votes"] = 3;
    CHECK(has_error(decode_visit_item(unknown).errors, "votes", "field_unknown"));
  }

  TEST_CASE("two visitors add items to the same visit offline: both survive the merge") {
    World server;
    REQUIRE(applied(server.create(server.staff, "visit", kVisit, enterprise_visit())));
    sync::Op from_a = server.op("visit_item", uid(710), "phone-s1");
    from_a.set = item("超时扣款太重", "pay");
    sync::Op from_b = server.op("visit_item", uid(711), "phone-sd");
    from_b.set = item("电动车充电不安全", "safety");
    CHECK(applied(server.apply(server.district_staff, from_b)));
    CHECK(applied(server.apply(server.staff, from_a)));
    CHECK(server.store.find("visit_item", "visit_id", kVisit).size() == 2);
    // And edits to one item merge field by field.
    sync::Op text_edit = server.op("visit_item", uid(710), "phone-s1");
    text_edit.set = {{"text", "超时扣款太重，申诉渠道不畅"}};
    sync::Op category_edit = server.op("visit_item", uid(710), "phone-sd");
    category_edit.set = {{"category", "other"}};
    CHECK(applied(server.apply(server.district_staff, category_edit)));
    CHECK(applied(server.apply(server.staff, text_edit)));
    CHECK(server.rec("visit_item", uid(710)).str("text") == "超时扣款太重，申诉渠道不畅");
    CHECK(server.rec("visit_item", uid(710)).str("category") == "other");
  }
}
