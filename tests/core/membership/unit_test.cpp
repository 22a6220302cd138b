#include "core/membership/unit.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "world.h"

using namespace nx;
using namespace nx::membership;
using namespace nx::test_membership;

namespace {

bool has_error(const Errors& errors, const std::string& field, const std::string& code) {
  return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field && e.code == code; });
}

json town(const std::string& name = "城北街道总工会") {
  return {{"name", name}, {"type", "town_federation"}, {"parent_id", kD}, {"unit_id", kD}, {"area", "321202003"}};
}

}  // namespace

TEST_SUITE("membership") {

TEST_CASE("unit: a valid unit decodes") {
  auto d = decode_unit({{"name", " 城东街道快递行业工会 "}, {"type", "industry_union"}, {"parent_id", kT1},
                        {"unit_id", kT1}, {"area", kAreaT1}, {"industry", "courier"}});
  REQUIRE(d.ok());
  CHECK(d.value.name == "城东街道快递行业工会");
  CHECK(d.value.type == UnitType::IndustryUnion);
  CHECK(d.value.industry == Trade::Courier);
  CHECK(d.value.parent_id == kT1);
  auto root = decode_unit({{"name", "海陵区总工会"}, {"type", "district_federation"}, {"area", kAreaD}, {"parent_id", ""}});
  CHECK(root.ok());
}

TEST_CASE("unit: untrusted JSON gives field errors, never a throw") {
  CHECK(has_error(decode_unit(json::array()).errors, "unit", "type_invalid"));
  CHECK(has_error(decode_unit(json("x")).errors, "unit", "type_invalid"));

  const Errors missing = decode_unit(json::object()).errors;
  CHECK(has_error(missing, "name", "required"));
  CHECK(has_error(missing, "type", "required"));
  CHECK(has_error(missing, "area", "required"));

  const Errors wrong = decode_unit({{"name", 5}, {"type", true}, {"parent_id", 7}, {"area", json::array()}}).errors;
  CHECK(has_error(wrong, "name", "type_invalid"));
  CHECK(has_error(wrong, "type", "type_invalid"));
  CHECK(has_error(wrong, "parent_id", "type_invalid"));
  CHECK(has_error(wrong, "area", "type_invalid"));

  CHECK(has_error(decode_unit(with(town(), {{"name", std::string(61 * 3, 'a')}})).errors, "name", "too_long"));
  CHECK(has_error(decode_unit(with(town(), {{"type", "province_federation"}})).errors, "type", "enum_invalid"));
  CHECK(has_error(decode_unit(with(town(), {{"parent_id", "not-a-uuid"}})).errors, "parent_id", "id_invalid"));
  CHECK(has_error(decode_unit(with(town(), {{"area", "东城"}})).errors, "area", "area_invalid"));
  CHECK(has_error(decode_unit(with(town(), {{"area", std::string(33, '1')}})).errors, "area", "too_long"));
  CHECK(has_error(decode_unit(with(town(), {{"colour", "red"}})).errors, "colour", "field_unknown"));
  CHECK(has_error(decode_unit(with(town(), {{"name", std::string("\xff\xfe")}})).errors, "name", "encoding_invalid"));
  CHECK(has_error(decode_unit(with(town(), {{"industry", "pilot"}})).errors, "industry", "enum_invalid"));
}

TEST_CASE("unit: type-specific fields") {
  json industry = {{"name", "快递行业工会"}, {"type", "industry_union"}, {"parent_id", kD}, {"unit_id", kD}, {"area", kAreaD}};
  CHECK(has_error(decode_unit(industry).errors, "industry", "required"));
  CHECK(has_error(decode_unit(with(industry, {{"industry", ""}})).errors, "industry", "required"));
  CHECK(has_error(decode_unit(with(industry, {{"industry", 3}})).errors, "industry", "type_invalid"));
  CHECK(has_error(decode_unit(with(industry, {{"industry", "other"}})).errors, "industry", "industry_invalid"));
  CHECK(decode_unit(with(industry, {{"industry", "truck"}})).ok());

  json company = {{"name", "某企业工会"}, {"type", "company_union"}, {"parent_id", kC1}, {"unit_id", kC1}, {"area", kAreaC1}};
  CHECK(has_error(decode_unit(company).errors, "employer", "required"));
  CHECK(has_error(decode_unit(with(company, {{"employer", "  "}})).errors, "employer", "required"));
  CHECK(decode_unit(with(company, {{"employer", "某物流有限公司"}})).ok());
}

TEST_CASE("unit: only a district federation is a root, and a unit's unit_id is its parent") {
  json orphan = town();
  orphan.erase("parent_id");
  orphan.erase("unit_id");
  CHECK(has_error(decode_unit(orphan).errors, "parent_id", "unit_parent_required"));
  CHECK(has_error(decode_unit({{"name", "区"}, {"type", "district_federation"}, {"parent_id", kD}, {"unit_id", kD}, {"area", "1"}}).errors,
                  "parent_id", "unit_parent_type"));
  CHECK(has_error(decode_unit(with(town(), {{"unit_id", kT1}})).errors, "unit_id", "unit_parent_mismatch"));
  json no_unit = town();
  no_unit.erase("unit_id");
  CHECK(has_error(decode_unit(no_unit).errors, "unit_id", "unit_parent_mismatch"));
}

TEST_CASE("unit: staff of an ancestor unit or an admin create and edit; nobody else") {
  World w;
  const std::string id = rid(1);
  // A community under T1: staff of T1 (the parent) and of D (above it) may, and admin.
  json community = {{"name", "新社区工会联合会"}, {"type", "community_federation"}, {"parent_id", kT1}, {"unit_id", kT1}, {"area", "321202001009"}};
  CHECK(code_of(w.create(w.staff_c1, "unit", id, community)) == "forbidden");  // a sibling below T1, not above
  CHECK(code_of(w.create(w.staff_t2, "unit", id, community)) == "forbidden");  // a sibling town
  CHECK(code_of(w.create(w.worker, "unit", id, community)) == "forbidden");
  CHECK(applied(w.create(w.staff_t1, "unit", id, community)));
  CHECK(applied(w.create(w.staff_d, "unit", rid(2), with(community, {{"area", "321202001010"}}))));
  CHECK(applied(w.create(w.admin, "unit", rid(3), with(community, {{"area", "321202001011"}}))));

  CHECK(applied(w.edit(w.staff_t1, "unit", id, {{"name", "新华社区工会联合会"}})));
  CHECK(w.get("unit", id).str("name") == "新华社区工会联合会");
  CHECK(applied(w.edit(w.staff_d, "unit", id, {{"name", "新华社区工会联合会（改）"}})));
  CHECK(applied(w.edit(w.admin, "unit", id, {{"name", "新华社区"}})));
  CHECK(code_of(w.edit(w.staff_t2, "unit", id, {{"name", "x"}})) == "forbidden");
  CHECK(code_of(w.edit(w.worker, "unit", id, {{"name", "x"}})) == "forbidden");

  // Staff never edit their own unit: only those above it.
  CHECK(code_of(w.edit(w.staff_c1, "unit", kC1, {{"name", "我们自己"}})) == "forbidden");
  CHECK(code_of(w.edit(w.staff_t1, "unit", kT1, {{"name", "我们自己"}})) == "forbidden");
  CHECK(applied(w.edit(w.staff_d, "unit", kT1, {{"name", "城东街道总工会（新）"}})));

  // A root is an admin's: staff of the district cannot make another district, nor edit theirs.
  json district = {{"name", "高港区总工会"}, {"type", "district_federation"}, {"area", "321203"}};
  CHECK(code_of(w.create(w.staff_d, "unit", rid(4), district)) == "forbidden");
  CHECK(code_of(w.edit(w.staff_d, "unit", kD, {{"name", "x"}})) == "forbidden");
  CHECK(applied(w.create(w.admin, "unit", rid(4), district)));

  // Moving a unit out of one's own reach is refused (T1 staff moving it under T2).
  CHECK(code_of(w.edit(w.staff_t1, "unit", id, {{"parent_id", kT2}, {"unit_id", kT2}})) == "forbidden");
  CHECK(applied(w.edit(w.staff_d, "unit", id, {{"parent_id", kT2}, {"unit_id", kT2}})));

  // Units are deleted by those who may edit them.
  CHECK(code_of(w.remove(w.staff_c1, "unit", rid(2))) == "forbidden");
  CHECK(applied(w.remove(w.staff_d, "unit", rid(2))));
}

TEST_CASE("unit: where a unit may sit in the tree") {
  World w;
  auto make = [&](int n, const std::string& type, const std::string& parent, json extra = json::object()) {
    json set = with({{"name", "单位" + std::to_string(n)}, {"type", type}, {"parent_id", parent}, {"unit_id", parent}, {"area", "9" + std::to_string(n)}}, extra);
    return w.create(w.admin, "unit", rid(n), set);
  };
  CHECK(applied(make(1, "town_federation", kD)));
  CHECK(code_of(make(2, "town_federation", kT1)) == "unit_parent_type");
  CHECK(applied(make(3, "community_federation", kT1)));
  CHECK(applied(make(4, "community_federation", kD)));
  CHECK(code_of(make(5, "community_federation", kC1)) == "unit_parent_type");
  CHECK(applied(make(6, "industry_union", kT1, {{"industry", "truck"}})));
  CHECK(code_of(make(7, "industry_union", kC1, {{"industry", "truck"}})) == "unit_parent_type");
  CHECK(applied(make(8, "company_union", kC1, {{"employer", "甲"}})));
  CHECK(applied(make(9, "company_union", kIC, {{"employer", "乙"}})));
  CHECK(code_of(make(10, "company_union", kSF, {{"employer", "丙"}})) == "unit_parent_type");
  CHECK(code_of(make(11, "town_federation", rid(999))) == "unit_parent_unknown");
  // Under itself.
  CHECK(code_of(w.create(w.admin, "unit", rid(12), {{"name", "环"}, {"type", "company_union"}, {"parent_id", rid(12)}, {"unit_id", rid(12)}, {"area", "1"}, {"employer", "丁"}})) == "unit_cycle");
  // The rule needs the other units: without them it refuses rather than guessing.
  const UnitTree units = units_from(w.records);
  sync::Op op;
  op.op_id = rid(500);
  op.kind = "unit";
  op.id = rid(13);
  op.hlc = sync::Hlc{w.now, 0, "dev"};
  op.set = {{"name", "新镇"}, {"type", "town_federation"}, {"parent_id", kD}, {"unit_id", kD}, {"area", "77"}};
  auto blind = sync::apply_op(nullptr, op, sync::ApplyContext{kinds::registry(), w.admin, units, nullptr, w.now});
  CHECK(code_of(blind) == "records_unavailable");
}

TEST_CASE("units_from builds the access tree, and a cycle in bad data is cut") {
  World w;
  UnitTree tree = units_from(w.records);
  CHECK(tree.is_within(kSF, kD));
  CHECK(tree.is_within(kSF, kT1));
  CHECK_FALSE(tree.is_within(kSF, kT2));
  CHECK(tree.path_to_root(kSF) == std::vector<std::string>{kSF, kC1, kT1, kD});

  // Two units pointing at each other (edits that crossed): neither is within the other, and
  // nothing hangs.
  sync::Record a, b;
  a.kind = b.kind = "unit";
  a.id = rid(1);
  b.id = rid(2);
  a.fields = {{"parent_id", rid(2)}};
  b.fields = {{"parent_id", rid(1)}};
  w.records.put(a);
  w.records.put(b);
  tree = units_from(w.records);
  CHECK(tree.is_within(rid(2), rid(1)));
  CHECK_FALSE(tree.is_within(rid(1), rid(2)));
  CHECK(tree.path_to_root(rid(2)).size() == 2);
  CHECK(tree.path_to_root(rid(1)).size() == 1);
  CHECK(tree.is_within(kSF, kD));
}

TEST_CASE("units_in lists valid live units") {
  World w;
  auto units = units_in(w.records);
  CHECK(units.size() == 8);
  CHECK(std::is_sorted(units.begin(), units.end(), [](const UnionUnit& a, const UnionUnit& b) { return a.id < b.id; }));
  REQUIRE(w.remove(w.admin, "unit", kSF).status == sync::ApplyStatus::Applied);
  CHECK(units_in(w.records).size() == 7);
  CHECK_FALSE(unit_from_record(w.get("unit", kSF)));
  CHECK(message_text(unit_type_label(UnitType::CommunityFederation), Locale::ZhCN) == "村（社区）工会联合会");
  CHECK(parse_unit_type("company_union") == UnitType::CompanyUnion);
  CHECK_FALSE(parse_unit_type("Company_union"));
}

}
