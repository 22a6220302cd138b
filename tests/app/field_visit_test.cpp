// 走访: a visit becomes its record, one record per raised item and per follow-up, accepted by
// the core as the staff member; the quarter's coverage then counts the enterprise.
#include "app/field_visit.h"

#include <doctest/doctest.h>

#include "core/fieldwork/coverage.h"
#include "fixtures.h"

using namespace nx;
using namespace nx::app;
using test::district;
using test::ids;
using test::staff_of;

TEST_CASE("a visit with three items and two follow-ups is six records, and the quarter counts it") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-district");
  const auto before = fieldwork::quarter_coverage(staff.unit_id, "2026-Q3", d.records).value();
  REQUIRE(!before.not_visited.empty());
  const std::string target = before.not_visited.front().unit_id;
  const auto choices = enterprises(d.records, units, staff.unit_id);
  CHECK(std::any_of(choices.begin(), choices.end(), [&](const Enterprise& e) { return e.unit_id == target; }));

  VisitForm form = new_visit_form(test::kNow);
  CHECK(form.date == "2026-07-01");
  CHECK(form.follow_ups.front().due_date == "2026-07-15");
  form.enterprise_unit_id = target;
  form.workers_met = "23";
  form.items = {{"午休没有地方", "rest"}, {"电动车充电排队", "safety"}, {"社保断缴", "insurance"}, {"", "pay"}};
  form.follow_ups = {{"与站点协调午休场地", "2026-07-10", 0, " 美团海陵站 张站长 "}, {"联系街道增设充电桩", "2026-07-20", 1},
                     {"", "2026-07-15", -1, ""}};
  const auto plan = plan_visit(form, staff, d.records, ids("7c7c7c7c-0000-4000-8000-"));
  REQUIRE_MESSAGE(plan.errors.empty(), plan.errors.begin()->second);
  REQUIRE(plan.changes.size() == 6);
  test::apply_all(d.records, plan.changes, staff);

  const auto after = fieldwork::quarter_coverage(staff.unit_id, "2026-Q3", d.records).value();
  CHECK(after.visited.size() == before.visited.size() + 1);
  CHECK(std::any_of(after.visited.begin(), after.visited.end(), [&](const auto& e) { return e.unit_id == target; }));

  const auto latest = recent_visits(d.records, units, staff.unit_id, 50);
  const auto mine = std::find_if(latest.begin(), latest.end(), [&](const VisitSummary& s) { return s.visit->id == plan.changes[0].id; });
  REQUIRE(mine != latest.end());
  CHECK(mine->items == 3);
  CHECK(mine->follow_ups_open == 2);
  CHECK(mine->visit->str("enterprise_name") != "");  // named from the union picked
  for (std::size_t i = 1; i < latest.size(); ++i) CHECK(latest[i - 1].visit->str("date") >= latest[i].visit->str("date"));
  // The follow-up answers its item; who does it is named when it is not the one logging it.
  CHECK(plan.changes[4].set["item_id"] == plan.changes[1].id);
  CHECK(plan.changes[4].set["assignee"] == "美团海陵站 张站长");
  CHECK(plan.changes[4].set["owner_id"] == staff.user_id);
  CHECK_FALSE(plan.changes[5].set.contains("assignee"));
}

TEST_CASE("a visit names what is missing, row by row") {
  auto d = district();
  const Actor staff = staff_of(d, "demo-chengnan");
  VisitForm form = new_visit_form(test::kNow);
  form.date = "7月1日";
  form.workers_met = "很多";
  form.follow_ups = {{"回访", "下周", -1, ""}};
  auto plan = plan_visit(form, staff, d.records, ids("7c7c7c7c-0000-4000-8000-"));
  CHECK(plan.changes.empty());
  CHECK(plan.errors.count("enterprise") == 1);
  CHECK(plan.errors.count("date") == 1);
  CHECK(plan.errors.count("workers_met") == 1);
  CHECK(plan.errors.count("follow_up.0") == 1);

  // A ride-along needs its route instead of an enterprise.
  form = new_visit_form(test::kNow);
  form.type = "ride_along";
  plan = plan_visit(form, staff, d.records, ids("7c7c7c7c-0000-4000-8000-"));
  CHECK(plan.errors.at("route").text(Locale::En) == "Write the route or area ridden");
  form.route = "城南片区午高峰送餐";
  plan = plan_visit(form, staff, d.records, ids("7c7c7c7c-0000-4000-8000-"));
  REQUIRE(plan.errors.empty());
  CHECK(plan.changes.size() == 1);  // the empty item and follow-up rows are left out
  test::apply_all(d.records, plan.changes, staff);
}
