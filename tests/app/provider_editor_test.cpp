// 服务方管理: a new lawyer is added and can be assigned a request; a provider stops taking new
// requests; the core's rules name what is wrong.
#include "app/provider_editor.h"

#include <doctest/doctest.h>

#include "app/staff_review.h"
#include "fixtures.h"

using namespace nx;
using namespace nx::app;
using test::district;
using test::ids;
using test::staff_of;

TEST_CASE("a provider is added, then stops taking new requests") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-district");
  const std::size_t before = providers_kept_by(d.records, units, staff.unit_id).size();
  REQUIRE(before > 0);

  ProviderEdit form = new_provider();
  form.name = "江苏春晖律师事务所 王律师";
  form.services = {"legal_consultation"};
  form.phone = "0523-86001234";
  auto plan = plan_provider(form, nullptr, staff.unit_id, ids("5a5a5a5a-0000-4000-8000-"));
  REQUIRE_MESSAGE(plan.errors.empty(), plan.errors.begin()->second);
  REQUIRE(plan.changes.size() == 1);
  test::apply_all(d.records, plan.changes, staff);
  CHECK(providers_kept_by(d.records, units, staff.unit_id).size() == before + 1);
  const sync::Record* added = d.records.get("provider", plan.changes[0].id);

  // A legal question can now go to them.
  const sync::Record* question = nullptr;
  for (const sync::Record* r : d.records.all("service_request"))
    if (r->str("category") == "legal_consultation" && units.is_within(r->str("unit_id"), staff.unit_id)) question = r;
  REQUIRE(question);
  auto offered = providers_for(*question, d.records, units);
  CHECK(std::find(offered.begin(), offered.end(), added) != offered.end());

  // Busy: no new requests. Only `active` is sent.
  form = edit_provider(*added);
  CHECK(plan_provider(form, added, staff.unit_id, ids("x")).changes.empty());
  form.active = false;
  plan = plan_provider(form, added, staff.unit_id, ids("x"));
  REQUIRE(plan.changes.size() == 1);
  CHECK(plan.changes[0].set == nlohmann::json{{"active", false}});
  test::apply_all(d.records, plan.changes, staff);
  offered = providers_for(*question, d.records, units);
  CHECK(std::find(offered.begin(), offered.end(), d.records.get("provider", added->id)) == offered.end());
}

TEST_CASE("a provider with no name or service is named beside its fields") {
  ProviderEdit form = new_provider();
  form.phone = "12";
  const auto plan = plan_provider(form, nullptr, "5a5a5a5a-0000-4000-8000-00000000ffff", ids("5a5a5a5a-0000-4000-8000-"));
  CHECK(plan.changes.empty());
  CHECK(plan.errors.count("name") == 1);
  CHECK(plan.errors.count("services") == 1);
  CHECK(plan.errors.count("phone") == 1);
}
