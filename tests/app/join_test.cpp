#include "app/join.h"

#include <doctest/doctest.h>

#include "core/demo/demo.h"
#include "core/kinds/registry.h"
#include "core/membership/unit.h"
#include "fixtures.h"

using namespace nx;
using namespace nx::app;
using test::district;
using test::unit_named;

namespace {
const std::string kNewWorker = "7b7b7b7b-0000-4000-8000-000000000001";

sync::Record apply_all(sync::MemoryRecords& records, const std::vector<Change>& changes) {
  return test::apply_all(records, changes, Actor{kNewWorker, Role::Worker, "", ""});
}
}  // namespace

TEST_CASE("a complete form routes, then becomes a submitted application the core accepts") {
  auto d = district();
  JoinForm form;
  form.name = "赵小飞";
  form.phone = "166 0000 1234";
  form.trade = "delivery";
  form.employer = "美团";
  form.town_id = unit_named(d.records, "城南街道总工会");
  form.area_unit_id = form.town_id;
  form.consent = true;
  const auto route = join_route(form, d.records);
  REQUIRE(route);
  CHECK(route->reason == "company_union");
  CHECK(!route->why.text(Locale::ZhCN).empty());

  int ids = 0;
  const auto plan = plan_join(form, kNewWorker, d.records, [&] { return "6c6c6c6c-0000-4000-8000-00000000000" + std::to_string(++ids); });
  CHECK(plan.errors.empty());
  REQUIRE(plan.changes.size() == 2);
  const sync::Record app = apply_all(d.records, plan.changes);
  CHECK(app.str("status") == "submitted");
  CHECK(app.str("phone") == "16600001234");
  CHECK(app.str("unit_id") == route->unit_id);
  CHECK(my_application(d.records, kNewWorker)->id == app.id);
  CHECK(my_membership(d.records, kNewWorker) == nullptr);
}

TEST_CASE("every missing answer is named beside its field, and nothing is saved") {
  auto d = district();
  JoinForm form;
  form.phone = "12345";
  const auto plan = plan_join(form, kNewWorker, d.records, [] { return std::string("x"); });
  CHECK(plan.changes.empty());
  CHECK(plan.errors.at("name").text(Locale::ZhCN) == "请填写姓名");
  CHECK(plan.errors.at("trade").text(Locale::ZhCN) == "请选择你的职业");
  CHECK(plan.errors.at("name").text(Locale::En) == "Enter your name");  // a code: the same error reads in either language
  CHECK(plan.errors.count("area") == 1);
  CHECK(plan.errors.count("consent") == 1);
  CHECK(plan.errors.count("phone") == 1);  // not a mobile number, in the core's words
}

TEST_CASE("asked for more information: the form answers with a resubmit step") {
  auto d = district();
  JoinForm form;
  form.name = "赵小飞";
  form.phone = "16600001234";
  form.trade = "courier";
  form.town_id = unit_named(d.records, "城北街道总工会");
  form.area_unit_id = form.town_id;
  form.consent = true;
  int ids = 0;
  auto plan = plan_join(form, kNewWorker, d.records, [&] { return "6c6c6c6c-0000-4000-8000-00000000000" + std::to_string(++ids); });
  const sync::Record app = apply_all(d.records, plan.changes);

  JoinForm again;
  fill_from(again, app, d.records);
  CHECK(again.name == "赵小飞");
  CHECK(again.area_unit_id == form.area_unit_id);
  CHECK(!again.consent);
  again.resubmit_id = app.id;
  again.consent = true;
  plan = plan_join(again, kNewWorker, d.records, [] { return std::string("unused"); });
  CHECK(plan.errors.at("info_reply").text(Locale::En) == "Answer what the union asked you to add");
  again.info_reply = "我在顺丰干了两年";
  plan = plan_join(again, kNewWorker, d.records, [] { return std::string("unused"); });
  REQUIRE(plan.changes.size() == 1);
  CHECK(plan.changes[0].transition == "resubmit");
  CHECK(plan.changes[0].id == app.id);
}

TEST_CASE("towns and the communities under them are the places to choose from") {
  auto d = district();
  const auto t = towns(d.records);
  CHECK(t.size() >= 8);
  const auto it = std::find_if(t.begin(), t.end(), [](const AreaChoice& a) { return a.name == "京泰路街道"; });
  REQUIRE(it != t.end());
  const auto c = communities(d.records, it->unit_id);
  REQUIRE(!c.empty());
  CHECK(c[0].name == "泰东社区");
}
