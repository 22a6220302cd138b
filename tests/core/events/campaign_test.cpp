#include "core/events/campaign.h"

#include <doctest/doctest.h>

#include "event_world.h"

using namespace nx;
using namespace nx::events;
using namespace nx::evtest;

namespace {
json good_campaign(const std::string& unit = kDistrict) {
  return {{"name", "夏送清凉 2026"}, {"category", "summer_cooling"}, {"unit_id", unit},
          {"items", {"绿豆汤", "防暑药品", "毛巾"}}, {"start_date", "2026-07-01"}, {"end_date", "2026-08-31"}};
}
}  // namespace

TEST_SUITE("events/campaign") {
  TEST_CASE("a campaign decodes and round-trips") {
    const auto d = decode_campaign(good_campaign());
    REQUIRE(d.ok());
    CHECK(d.value.items.size() == 3);
    CHECK(to_fields(d.value) == good_campaign());
  }

  TEST_CASE("bad campaign fields: items list shape, dates, enum, length, unknown") {
    json f = good_campaign();
    f["items"] = "绿豆汤";
    f["category"] = "spring";
    f["name"] = std::string(61, 'n');
    f["end_date"] = "2026-06-30";
    f["budget"] = 100;
    const auto d = decode_campaign(f);
    CHECK(has_error(d.errors, "items", "type_invalid"));
    CHECK(has_error(d.errors, "category", "enum_invalid"));
    CHECK(has_error(d.errors, "name", "too_long"));
    CHECK(has_error(d.errors, "end_date", "date_range_invalid"));
    CHECK(has_error(d.errors, "budget", "field_unknown"));

    auto items_error = [](json items) {
      json g = good_campaign();
      g["items"] = std::move(items);
      const auto errors = decode_campaign(g).errors;
      return errors.empty() ? std::string("ok") : errors.front().code;
    };
    CHECK(items_error(json::array()) == "required");
    CHECK(items_error({"毛巾", "毛巾"}) == "duplicate");
    CHECK(items_error({"毛巾", " 毛巾 "}) == "duplicate");
    CHECK(items_error({"毛巾", 3}) == "type_invalid");
    CHECK(items_error({"　"}) == "blank_entry");
    CHECK(items_error({std::string(31, 'x')}) == "too_long");
    json many = json::array();
    for (int i = 0; i < 21; ++i) many.push_back("物品" + std::to_string(i));
    CHECK(items_error(many) == "too_many");
    many.erase(many.begin());
    CHECK(items_error(many) == "ok");

    const auto empty = decode_campaign(json::object());
    for (const char* field : {"name", "category", "unit_id", "items", "start_date", "end_date"})
      CHECK_MESSAGE(has_error(empty.errors, field, "required"), field);
  }

  TEST_CASE("who keeps campaigns: staff of the unit or above, admins") {
    World w;
    CHECK(applied(w.create(w.staff, "campaign", uid(500), good_campaign(kTown1))));
    CHECK(applied(w.create(w.district_staff, "campaign", uid(501), good_campaign(kTown1))));
    CHECK(applied(w.create(w.admin, "campaign", uid(502), good_campaign(kDistrict))));
    CHECK(code(w.create(w.staff, "campaign", uid(503), good_campaign(kDistrict))) == "forbidden");  // above T1
    CHECK(code(w.create(w.sibling_staff, "campaign", uid(504), good_campaign(kTown1))) == "forbidden");
    CHECK(code(w.create(w.worker, "campaign", uid(505), good_campaign(kTown1))) == "forbidden");
    CHECK(applied(w.edit(w.staff, "campaign", uid(500), {{"end_date", "2026-09-15"}})));
    CHECK(code(w.edit(w.sibling_staff, "campaign", uid(500), {{"end_date", "2026-09-30"}})) == "forbidden");
    CHECK(code(w.edit(w.staff, "campaign", uid(500), {{"end_date", "2026-06-01"}})) == "date_range_invalid");
    CHECK(w.rec("campaign", uid(500)).str("end_date") == "2026-09-15");
  }
}
