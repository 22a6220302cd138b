#include "core/services/insurance.h"

#include <doctest/doctest.h>

#include "services_world.h"

using namespace nx;
using namespace nx::services;
using namespace nx::svc_test;

namespace {

const std::string kPlan = uuid(801);
const std::string kMember = uuid(811);       // the owner's membership
const std::string kOtherMember = uuid(812);  // the other worker's

json plan_fields(int quota = 2) {
  return {{"name", "2026 年新就业形态劳动者意外伤害险"},
          {"plan_type", "accident"},
          {"unit_id", kTown1},
          {"quota", quota},
          {"period_start", "2026-07-01"},
          {"period_end", "2026-07-31"}};
}

json member(const std::string& owner, const std::string& status = "active", const std::string& valid_until = "2026-12-31") {
  return {{"owner_id", owner}, {"unit_id", kTown1}, {"status", status}, {"valid_until", valid_until}};
}

json enrolment(const std::string& owner = kOwnerUser, const std::string& member_id = kMember) {
  return {{"plan_id", kPlan}, {"member_id", member_id}, {"owner_id", owner}, {"unit_id", kTown1}};
}

World with_plan(int quota = 2) {
  World w;
  w.must(w.set(person("unit_staff"), "insurance_plan", kPlan, plan_fields(quota)));
  w.seed("member", kMember, member(kOwnerUser));
  w.seed("member", kOtherMember, member(kOtherWorkerUser));
  return w;
}

// A third worker with a good membership, for filling places.
void add_worker(World& w, int n) {
  w.seed("member", uuid(900 + n), member(uuid(950 + n)));
  w.must(w.set(person("unit_staff"), "insurance_enrolment", uuid(980 + n), enrolment(uuid(950 + n), uuid(900 + n))));
}

}  // namespace

TEST_SUITE("services/insurance") {

TEST_CASE("a plan's fields are checked") {
  CHECK(validate_insurance_plan(plan_fields()).empty());
  for (const char* f : {"name", "plan_type", "unit_id", "quota", "period_start", "period_end"}) {
    json j = plan_fields();
    j.erase(f);
    CAPTURE(f);
    CHECK(has_error(validate_insurance_plan(j), "required", f));
  }
  json j = plan_fields();
  j["period_end"] = "2026-06-30";
  CHECK(has_error(validate_insurance_plan(j), "period_invalid", "period_end"));
  j["period_end"] = "2026-07-01";  // one day is a period
  CHECK(validate_insurance_plan(j).empty());
  j = plan_fields(0);
  CHECK(has_error(validate_insurance_plan(j), "out_of_range", "quota"));
  j["quota"] = "100";
  CHECK(has_error(validate_insurance_plan(j), "type_invalid", "quota"));
  j = plan_fields();
  j["plan_type"] = "car";
  CHECK(has_error(validate_insurance_plan(j), "enum_invalid", "plan_type"));
  j = plan_fields();
  j["premium"] = 120;
  CHECK(has_error(validate_insurance_plan(j), "field_unknown", "premium"));
  check_who(World{}, {"unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.set(a, "insurance_plan", kPlan, plan_fields()); }, "forbidden");
}

TEST_CASE("a member in good standing enrols; the record says when") {
  World w = with_plan();
  auto r = w.set(person("owner"), "insurance_enrolment", uuid(820), enrolment());
  REQUIRE(applied(r));
  CHECK(r.record.fields["status"] == "enrolled");
  CHECK(r.record.fields["enrolled_at"] == civil::format_datetime_utc(kNow));
  CHECK(enrolled_count(w.records, kPlan) == 1);
}

TEST_CASE("who may enrol: the worker themselves, or staff over the plan's unit for them") {
  check_who(with_plan(), {"owner", "unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.set(a, "insurance_enrolment", uuid(821), enrolment()); }, "forbidden");
}

TEST_CASE("eligibility: an active membership, valid today, of the same person") {
  World w = with_plan();
  const Actor& owner = person("owner");
  CHECK(code_of(w.set(owner, "insurance_enrolment", uuid(830), enrolment(kOwnerUser, uuid(899)))) == "not_found");
  CHECK(code_of(w.set(owner, "insurance_enrolment", uuid(831), enrolment(kOwnerUser, kOtherMember))) == "mismatch");
  w.seed("member", kMember, member(kOwnerUser, "pending"));
  CHECK(code_of(w.set(owner, "insurance_enrolment", uuid(832), enrolment())) == "not_eligible");
  w.seed("member", kMember, member(kOwnerUser, "active", "2026-07-05"));  // lapsed yesterday
  CHECK(code_of(w.set(owner, "insurance_enrolment", uuid(833), enrolment())) == "not_eligible");
  w.seed("member", kMember, member(kOwnerUser, "active", "2026-13-01"));  // unreadable date
  CHECK(code_of(w.set(owner, "insurance_enrolment", uuid(834), enrolment())) == "not_eligible");
  w.seed("member", kMember, member(kOwnerUser, "lapsed", ""));
  CHECK(code_of(w.set(owner, "insurance_enrolment", uuid(836), enrolment())) == "not_eligible");
  w.seed("member", kMember, member(kOwnerUser, "active", "2026-07-06"));  // valid through today
  CHECK(applied(w.set(owner, "insurance_enrolment", uuid(835), enrolment())));
  CHECK(member_in_good_standing(member(kOwnerUser), kNow));
  // An open-ended membership (no valid_until, or "") does not lapse.
  CHECK(member_in_good_standing({{"owner_id", kOwnerUser}, {"status", "active"}}, kNow));
  CHECK(member_in_good_standing(member(kOwnerUser, "active", ""), kNow));
  CHECK_FALSE(member_in_good_standing({{"status", "active"}, {"valid_until", 20261231}}, kNow));
  CHECK_FALSE(member_in_good_standing(member(kOwnerUser, "active", "2026-07-06"), kNow + kDayMs));
}

TEST_CASE("the plan must exist, be open today, and the enrolment carry its unit") {
  World w = with_plan();
  const Actor& owner = person("owner");
  json e = enrolment();
  e["plan_id"] = uuid(898);
  CHECK(code_of(w.set(owner, "insurance_enrolment", uuid(840), e)) == "not_found");
  e = enrolment();
  e["unit_id"] = kCompany1;
  CHECK(code_of(w.set(owner, "insurance_enrolment", uuid(841), e)) == "mismatch");
  World before = w;
  before.now_ms = civil::from_china_local({2026, 6, 30}, 23 * 60 + 59);
  CHECK(code_of(before.set(owner, "insurance_enrolment", uuid(842), enrolment())) == "plan_not_open");
  World after = w;
  after.now_ms = civil::from_china_local({2026, 8, 1}, 0);
  CHECK(code_of(after.set(owner, "insurance_enrolment", uuid(843), enrolment())) == "plan_not_open");
  World last_day = w;
  last_day.now_ms = civil::from_china_local({2026, 7, 31}, 23 * 60 + 59);
  CHECK(applied(last_day.set(owner, "insurance_enrolment", uuid(844), enrolment())));
  World offline = w;
  offline.with_records = false;
  CHECK(code_of(offline.set(owner, "insurance_enrolment", uuid(845), enrolment())) == "records_unavailable");
}

TEST_CASE("one enrolment per member per plan; withdrawing allows enrolling again") {
  World w = with_plan(5);
  const Actor& owner = person("owner");
  w.must(w.set(owner, "insurance_enrolment", uuid(850), enrolment()));
  auto again = w.set(owner, "insurance_enrolment", uuid(851), enrolment());
  CHECK(code_of(again) == "already_enrolled");
  CHECK(again.reason->field == "member_id");
  // Staff enrolling the same person a second time from another phone is caught too.
  CHECK(code_of(w.set(person("unit_staff"), "insurance_enrolment", uuid(852), enrolment())) == "already_enrolled");
  w.must(w.step(owner, "insurance_enrolment", uuid(850), "withdraw", {{"reason", "已有单位保险"}}));
  CHECK(w.get("insurance_enrolment", uuid(850)).fields["withdraw_reason"] == "已有单位保险");
  CHECK(applied(w.set(owner, "insurance_enrolment", uuid(853), enrolment())));
}

TEST_CASE("the quota is never exceeded, and a withdrawal frees a place") {
  World w = with_plan(2);
  add_worker(w, 1);
  CHECK(enrolled_count(w.records, kPlan) == 1);
  w.must(w.set(person("owner"), "insurance_enrolment", uuid(860), enrolment()));  // the last place
  CHECK(enrolled_count(w.records, kPlan) == 2);
  auto full = w.set(person("other_worker"), "insurance_enrolment", uuid(861), enrolment(kOtherWorkerUser, kOtherMember));
  CHECK(code_of(full) == "quota_full");
  CHECK(full.reason->message_zh.find("名额已满") != std::string::npos);
  CHECK(enrolled_count(w.records, kPlan) == 2);
  w.must(w.step(person("unit_staff"), "insurance_enrolment", uuid(860), "withdraw"));
  CHECK(applied(w.set(person("other_worker"), "insurance_enrolment", uuid(862), enrolment(kOtherWorkerUser, kOtherMember))));
  CHECK(enrolled_count(w.records, kPlan) == 2);
  CHECK(code_of(w.set(person("owner"), "insurance_enrolment", uuid(863), enrolment())) == "quota_full");
  // A deleted enrolment (an admin's correction) holds no place either.
  w.must(w.remove(person("admin"), "insurance_enrolment", uuid(862)));
  CHECK(enrolled_count(w.records, kPlan) == 1);
  CHECK(applied(w.set(person("owner"), "insurance_enrolment", uuid(864), enrolment())));
  // Raising the quota opens a place.
  CHECK(code_of(w.set(person("other_worker"), "insurance_enrolment", uuid(865), enrolment(kOtherWorkerUser, kOtherMember))) ==
        "quota_full");
  w.must(w.set(person("unit_staff"), "insurance_plan", kPlan, {{"quota", 3}}));
  CHECK(applied(w.set(person("other_worker"), "insurance_enrolment", uuid(866), enrolment(kOtherWorkerUser, kOtherMember))));
}

TEST_CASE("a phone that sees only its own enrolment counts places from the plan's kept count") {
  World w = with_plan(3);
  // What a worker's phone holds: the plan, with the server's count of the others' enrolments.
  w.records.put([&] {
    sync::Record plan = w.get("insurance_plan", kPlan);
    plan.fields["enrolled"] = 3;
    return plan;
  }());
  CHECK(enrolled_count(w.records, kPlan) == 0);
  CHECK(places_taken_in_plan(w.records, kPlan) == 3);
  CHECK(code_of(w.set(person("owner"), "insurance_enrolment", uuid(890), enrolment())) == "quota_full");
  // Nobody types the count in: it is the server's.
  CHECK(code_of(w.set(person("unit_staff"), "insurance_plan", kPlan, {{"enrolled", 0}})) == "field_protected");
  json created = plan_fields();
  created["enrolled"] = 1;
  CHECK(code_of(w.set(person("unit_staff"), "insurance_plan", uuid(891), created)) == "field_protected");
}

TEST_CASE("withdraw: the worker or staff over the unit, once") {
  World w = with_plan();
  w.must(w.set(person("owner"), "insurance_enrolment", uuid(870), enrolment()));
  check_who(w, {"owner", "unit_staff", "ancestor_staff", "admin"},
            [](World& x, const Actor& a) { return x.step(a, "insurance_enrolment", uuid(870), "withdraw"); });
  w.must(w.step(person("owner"), "insurance_enrolment", uuid(870), "withdraw"));
  CHECK(code_of(w.step(person("owner"), "insurance_enrolment", uuid(870), "withdraw")) == "transition_invalid");
  CHECK(code_of(w.step(person("owner"), "insurance_enrolment", uuid(870), "enrol")) == "transition_unknown");
}

TEST_CASE("an enrolment is not edited: plan, member and person stay as enrolled") {
  World w = with_plan();
  w.must(w.set(person("owner"), "insurance_enrolment", uuid(880), enrolment()));
  CHECK(code_of(w.set(person("owner"), "insurance_enrolment", uuid(880), {{"member_id", kOtherMember}})) == "forbidden");
  CHECK(code_of(w.set(person("unit_staff"), "insurance_enrolment", uuid(880), {{"plan_id", uuid(802)}})) == "forbidden");
  CHECK(code_of(w.step(person("owner"), "insurance_enrolment", uuid(880), "withdraw", {{"status", "enrolled"}})) == "field_protected");
  CHECK(code_of(w.step(person("owner"), "insurance_enrolment", uuid(880), "withdraw", {{"plan_id", uuid(802)}})) == "param_unknown");
  json e = enrolment();
  e["enrolled_at"] = "2020-01-01T00:00:00Z";
  CHECK(code_of(w.set(person("owner"), "insurance_enrolment", uuid(881), e)) == "field_protected");
  e = enrolment();
  e["owner_id"] = 5;
  CHECK(has_error(validate_insurance_enrolment(e), "type_invalid", "owner_id"));
}

}
