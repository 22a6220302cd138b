// 活动管理: a new event with two sessions is published in one go, and workers see it open for
// sign-up with its seats; wrong rows are named.
#include "app/event_editor.h"

#include <doctest/doctest.h>

#include "app/event_list.h"
#include "fixtures.h"

using namespace nx;
using namespace nx::app;
using test::district;
using test::ids;
using test::staff_of;

TEST_CASE("an event with two sessions is created, published and open for sign-up") {
  auto d = district();
  const Actor staff = staff_of(d, "demo-chengnan");
  EventForm form = new_event_form(test::kNow);
  CHECK(form.sessions.size() == 1);
  CHECK(form.sessions[0].date == "2026-07-08");
  form.title = "电动车消防安全宣讲";
  form.place = "南苑社区服务中心";
  form.sessions.push_back({"2026-07-09", "14:00", "15:30", "20"});
  const auto plan = plan_event(form, staff.unit_id, ids("9e9e9e9e-0000-4000-8000-"));
  REQUIRE_MESSAGE(plan.errors.empty(), plan.errors.begin()->second);
  REQUIRE(plan.changes.size() == 4);
  test::apply_all(d.records, plan.changes, staff);
  CHECK(d.records.get("event", plan.changes[0].id)->str("status") == "published");

  const auto open = upcoming_events(d.records, "someone", test::kNow);
  const auto it = std::find_if(open.begin(), open.end(), [&](const EventCard& c) { return c.event->id == plan.changes[0].id; });
  REQUIRE(it != open.end());
  REQUIRE(it->sessions.size() == 2);
  CHECK(it->sessions[0].seats.capacity == 30);
  CHECK(it->sessions[1].seats.capacity == 20);
}

TEST_CASE("a new event names what is wrong, row by row") {
  EventForm form = new_event_form(test::kNow);
  form.sessions.push_back({"7月9日", "14:00", "15:30", "20"});
  form.sessions.push_back({"2026-07-09", "16:00", "15:00", "20"});
  form.sessions.push_back({"2026-07-09", "14:00", "15:00", "很多"});
  const auto plan = plan_event(form, "9e9e9e9e-0000-4000-8000-00000000ffff", ids("9e9e9e9e-0000-4000-8000-"));
  CHECK(plan.changes.empty());
  CHECK(plan.errors.at("title").text(Locale::En) == "Enter the event's title");
  CHECK(plan.errors.count("session.0") == 0);
  CHECK(plan.errors.at("session.1").text(Locale::En) == "Write the date as 2026-12-05");
  CHECK(plan.errors.count("session.2") == 1);  // ends before it starts, in the core's words
  CHECK(plan.errors.at("session.3").text(Locale::En) == "Enter the number of places");
}
