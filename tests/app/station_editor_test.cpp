// 驿站管理: only what changed is sent, the core's rules name what is wrong, and the station the
// staff keep reads back as edited.
#include "app/station_editor.h"

#include <doctest/doctest.h>

#include "fixtures.h"

using namespace nx;
using namespace nx::app;
using test::district;
using test::staff_of;

TEST_CASE("staff keep their own unit's stations, and an edit sends only what changed") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-chengnan");
  const auto mine = stations_kept_by(d.records, units, staff.unit_id);
  REQUIRE(!mine.empty());
  CHECK(mine.size() < stations_kept_by(d.records, units, "").size());
  for (const sync::Record* s : mine) CHECK(units.is_within(s->str("unit_id"), staff.unit_id));
  const std::string id = mine.front()->id;

  StationEdit form = edit_station(*mine.front());
  CHECK(plan_station_edit(form, *mine.front()).changes.empty());  // nothing changed

  // Closed for repairs: the reason is asked for.
  form.status = "temporarily_closed";
  auto plan = plan_station_edit(form, *mine.front());
  CHECK(plan.changes.empty());
  CHECK(plan.errors.count("status_note") == 1);
  form.status_note = "空调维修，12 月 5 日恢复";
  form.amenities.push_back("microwave");
  plan = plan_station_edit(form, *mine.front());
  REQUIRE(plan.errors.empty());
  REQUIRE(plan.changes.size() == 1);
  CHECK(plan.changes[0].set.size() == 3);  // status, status_note, amenities
  test::apply_all(d.records, plan.changes, staff);
  const sync::Record* after = d.records.get("station", id);
  CHECK(after->str("status") == "temporarily_closed");
  CHECK(edit_station(*after).amenities.back() == "microwave");
}

TEST_CASE("winter hours: the same opening every day, and a time that is not a time") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-chengnan");
  const sync::Record* station = stations_kept_by(d.records, units, staff.unit_id).front();
  StationEdit form = edit_station(*station);
  form.open_24h = false;
  form.daily_open = "8点";
  form.daily_close = "18:00";
  CHECK(plan_station_edit(form, *station).errors.at("hours").text(Locale::En) == "Write times as 07:30");
  form.daily_open = "08:30";
  const auto plan = plan_station_edit(form, *station);
  REQUIRE_MESSAGE(plan.errors.empty(), plan.errors.begin()->second);
  REQUIRE(plan.changes.size() == 1);
  test::apply_all(d.records, plan.changes, staff);
  const StationEdit again = edit_station(*d.records.get("station", station->id));
  CHECK(again.daily_open == "08:30");
  CHECK(again.daily_close == "18:00");
  CHECK(!again.open_24h);
}
