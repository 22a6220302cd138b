// 职工保险 on the worker's phone: which plans they see, how many places are left, and what the
// core will say when they enrol, through the demo district and the core's own rules.
#include "app/insurance.h"

#include <doctest/doctest.h>

#include <optional>

#include "app/join.h"
#include "core/services/insurance.h"
#include "fixtures.h"

using namespace nx;
using namespace nx::app;
using app::test::kNow;

namespace {

Actor worker(const std::string& user_id) { return Actor{user_id, Role::Worker, "", ""}; }

// A copy: the list is often a temporary.
std::optional<InsuranceOffer> offer_of(const std::vector<InsuranceOffer>& offers, const std::string& plan_id) {
  for (const InsuranceOffer& o : offers)
    if (o.plan->id == plan_id) return o;
  return std::nullopt;
}

// Everyone with a member record, the demo logins first.
std::vector<std::string> member_owners(const demo::DemoDistrict& d) {
  std::vector<std::string> out;
  for (const demo::WorkerLogin& w : d.workers) out.push_back(w.user_id);
  for (const sync::Record* m : d.records.all("member")) out.push_back(m->str("owner_id"));
  return out;
}

bool covers(const sync::RecordSource& records, const std::string& plan_unit, std::string unit) {
  for (int depth = 0; !unit.empty() && depth < 10; ++depth) {
    if (unit == plan_unit) return true;
    const sync::Record* u = records.get("unit", unit);
    unit = u ? u->str("parent_id") : "";
  }
  return false;
}

}  // namespace

TEST_CASE("members see their own union's plans and those above it, each with its places left and standing") {
  const demo::DemoDistrict d = app::test::district();
  int enrolled = 0, open = 0;
  std::size_t most_plans = 0;
  for (const std::string& user : member_owners(d)) {
    const sync::Record* member = my_membership(d.records, user);
    if (!member) continue;
    CAPTURE(user);
    const auto offers = insurance_offers(d.records, user, kNow);
    most_plans = std::max(most_plans, offers.size());
    for (const InsuranceOffer& o : offers) {
      CHECK(covers(d.records, o.plan->str("unit_id"), member->str("unit_id")));
      CHECK(o.places_left == o.quota - static_cast<std::int64_t>(services::enrolled_count(d.records, o.plan->id)));
      if (o.standing == PlanStanding::Enrolled) {
        ++enrolled;
        REQUIRE(o.enrolment != nullptr);
        CHECK(o.enrolment->str("owner_id") == user);
      }
      open += o.standing == PlanStanding::Open;
    }
  }
  CHECK(enrolled >= 1);
  CHECK(open >= 1);
  CHECK(most_plans >= 1);
}

TEST_CASE("enrolling takes a place and withdrawing gives it back, as the core applies them") {
  demo::DemoDistrict d = app::test::district();
  const InsuranceOffer* chosen = nullptr;
  std::string user;
  std::vector<InsuranceOffer> offers;
  for (const std::string& owner : member_owners(d)) {
    offers = insurance_offers(d.records, owner, kNow);
    for (const InsuranceOffer& o : offers)
      if (o.standing == PlanStanding::Open) chosen = &o;
    if (chosen) {
      user = owner;
      break;
    }
  }
  REQUIRE(chosen != nullptr);
  const std::string plan_id = chosen->plan->id;
  const std::int64_t left = chosen->places_left;
  const sync::Record* member = my_membership(d.records, user);
  REQUIRE(member != nullptr);
  app::test::apply_all(d.records, {enrol_in_plan(*chosen, *member, user, "e0000000-0000-4000-8000-000000000001")}, worker(user));

  offers = insurance_offers(d.records, user, kNow);
  const std::optional<InsuranceOffer> now_in = offer_of(offers, plan_id);
  REQUIRE(now_in.has_value());
  CHECK(now_in->standing == PlanStanding::Enrolled);
  CHECK(now_in->places_left == left - 1);

  app::test::apply_all(d.records, {withdraw_from_plan(*now_in, "单位已经买了")}, worker(user));
  const sync::Record* withdrawn = d.records.get("insurance_enrolment", "e0000000-0000-4000-8000-000000000001");
  REQUIRE(withdrawn != nullptr);
  CHECK(withdrawn->str("withdraw_reason") == "单位已经买了");
  offers = insurance_offers(d.records, user, kNow);
  CHECK(offer_of(offers, plan_id)->standing == PlanStanding::Open);
  CHECK(offer_of(offers, plan_id)->places_left == left);
}

TEST_CASE("someone not yet a member sees the district's plans and is told to join first") {
  const demo::DemoDistrict d = app::test::district();
  const auto offers = insurance_offers(d.records, "a0000000-0000-4000-8000-00000000abcd", kNow);
  REQUIRE(!offers.empty());
  for (const InsuranceOffer& o : offers) {
    CHECK(o.standing == PlanStanding::NotMember);
    const sync::Record* unit = d.records.get("unit", o.plan->str("unit_id"));
    REQUIRE(unit != nullptr);
    CHECK(unit->str("parent_id").empty());
  }
}

TEST_CASE("a full plan, one not open yet and one that has ended are told apart") {
  demo::DemoDistrict d = app::test::district();
  std::string user, plan_id;
  for (const std::string& owner : member_owners(d)) {
    for (const InsuranceOffer& o : insurance_offers(d.records, owner, kNow))
      if (o.standing == PlanStanding::Open && user.empty()) user = owner, plan_id = o.plan->id;
    if (!user.empty()) break;
  }
  REQUIRE(!user.empty());
  sync::Record plan = *d.records.get("insurance_plan", plan_id);

  plan.fields["enrolled"] = plan.integer("quota", 0);  // the server's count: every place taken
  d.records.put(plan);
  std::optional<InsuranceOffer> o = offer_of(insurance_offers(d.records, user, kNow), plan_id);
  REQUIRE(o.has_value());
  CHECK(o->standing == PlanStanding::Full);
  CHECK(o->places_left == 0);

  plan.fields.erase("enrolled");
  plan.fields["period_start"] = "2026-07-02";  // kNow is 2026-07-01
  d.records.put(plan);
  o = offer_of(insurance_offers(d.records, user, kNow), plan_id);
  REQUIRE(o.has_value());
  CHECK(o->standing == PlanStanding::NotYetOpen);

  plan.fields["period_start"] = "2026-06-01";
  plan.fields["period_end"] = "2026-06-30";
  d.records.put(plan);
  CHECK_FALSE(offer_of(insurance_offers(d.records, user, kNow), plan_id).has_value());
}
