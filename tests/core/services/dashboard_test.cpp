#include "core/services/dashboard.h"

#include <doctest/doctest.h>

#include "services_world.h"

using namespace nx;
using namespace nx::services;
using namespace nx::svc_test;

namespace {

json request(const std::string& unit) {
  return {{"category", "legal_consultation"}, {"description", "咨询"}, {"owner_id", kOwnerUser}, {"unit_id", unit}};
}

json station(const std::string& unit, const std::string& status, json hours) {
  return {{"name", "驿站"}, {"unit_id", unit}, {"address", "海陵区"}, {"lat", 32.45}, {"lng", 119.92}, {"status", status}, {"hours", hours}};
}

}  // namespace

TEST_SUITE("services/dashboard") {

TEST_CASE("counts per unit include the units below, and only them") {
  World w;
  const Actor& admin = person("admin");
  w.must(w.set(admin, "provider", kProvider1,
               {{"name", "李律师"}, {"type", "lawyer"}, {"services", {"legal_consultation"}}, {"unit_id", kDistrict}}));
  // Town 1: two ordered, one matched due 07-07 (overdue on 07-08), one matched due 07-20.
  // Company 1 (under town 1): one delivered. Town 2: one ordered.
  w.must(w.set(admin, "service_request", uuid(1101), request(kTown1)));
  w.must(w.set(admin, "service_request", uuid(1102), request(kTown1)));
  w.must(w.set(admin, "service_request", uuid(1103), request(kTown1)));
  w.must(w.step(admin, "service_request", uuid(1103), "match", {{"provider_id", kProvider1}, {"due_date", "2026-07-07"}}));
  w.must(w.set(admin, "service_request", uuid(1104), request(kTown1)));
  w.must(w.step(admin, "service_request", uuid(1104), "match", {{"provider_id", kProvider1}, {"due_date", "2026-07-20"}}));
  w.must(w.set(admin, "service_request", uuid(1105), request(kCompany1)));
  w.must(w.step(admin, "service_request", uuid(1105), "match", {{"provider_id", kProvider1}, {"due_date", "2026-07-07"}}));
  w.must(w.step(admin, "service_request", uuid(1105), "deliver"));
  w.must(w.set(admin, "service_request", uuid(1106), request(kTown2)));
  w.must(w.set(admin, "service_request", uuid(1107), request(kTown1)));
  w.must(w.remove(admin, "service_request", uuid(1107)));  // deleted: not counted

  const json day = {{"mon", {{{"open", "08:00"}, {"close", "20:00"}}}}, {"wed", {{{"open", "08:00"}, {"close", "20:00"}}}}};
  w.must(w.set(admin, "station", uuid(1201), station(kTown1, "open", day)));
  w.must(w.set(admin, "station", uuid(1202), station(kCompany1, "temporarily_closed", day)));
  w.must(w.set(admin, "station", uuid(1203), station(kTown1, "closed_permanently", day)));
  w.must(w.set(admin, "station", uuid(1204), station(kTown2, "open", day)));

  const std::int64_t wed_noon = civil::from_china_local({2026, 7, 8}, 12 * 60);
  const ServiceCounts town1 = service_counts(w.records, w.tree, kTown1, wed_noon);
  CHECK(town1.requests_by_state.at("ordered") == 2);
  CHECK(town1.requests_by_state.at("matched") == 2);
  CHECK(town1.requests_by_state.at("delivered") == 1);
  CHECK(town1.requests_by_state.at("confirmed") == 0);  // every state is listed
  CHECK(town1.requests_by_state.size() == 6);
  CHECK(town1.requests_overdue == 1);  // the delivered one was due 07-07 too, but is done
  CHECK(town1.stations == 2);          // the closed-for-good one is not in service
  CHECK(town1.stations_open_now == 1);

  const ServiceCounts district = service_counts(w.records, w.tree, kDistrict, wed_noon);
  CHECK(district.requests_by_state.at("ordered") == 3);
  CHECK(district.stations == 3);
  CHECK(district.stations_open_now == 2);
  const ServiceCounts company = service_counts(w.records, w.tree, kCompany1, wed_noon);
  CHECK(company.requests_by_state.at("delivered") == 1);
  CHECK(company.requests_by_state.at("ordered") == 0);
  CHECK(company.stations_open_now == 0);
  // On Tuesday nothing is open, and on Monday 07-06 nothing is overdue yet.
  CHECK(service_counts(w.records, w.tree, kDistrict, civil::from_china_local({2026, 7, 7}, 12 * 60)).stations_open_now == 0);
  CHECK(service_counts(w.records, w.tree, kDistrict, kNow).requests_overdue == 0);
}

TEST_CASE("enrolments and bookings waiting are counted for the unit of their plan or slot") {
  World w;
  const Actor& staff = person("unit_staff");
  w.must(w.set(staff, "insurance_plan", uuid(1301),
               {{"name", "意外险"}, {"plan_type", "accident"}, {"unit_id", kTown1}, {"quota", 10},
                {"period_start", "2026-07-01"}, {"period_end", "2026-07-31"}}));
  w.seed("member", uuid(1311), {{"owner_id", kOwnerUser}, {"status", "active"}, {"valid_until", "2026-12-31"}});
  w.seed("member", uuid(1312), {{"owner_id", kOtherWorkerUser}, {"status", "active"}, {"valid_until", "2026-12-31"}});
  w.must(w.set(staff, "insurance_enrolment", uuid(1321),
               {{"plan_id", uuid(1301)}, {"member_id", uuid(1311)}, {"owner_id", kOwnerUser}, {"unit_id", kTown1}}));
  w.must(w.set(staff, "insurance_enrolment", uuid(1322),
               {{"plan_id", uuid(1301)}, {"member_id", uuid(1312)}, {"owner_id", kOtherWorkerUser}, {"unit_id", kTown1}}));
  w.must(w.step(staff, "insurance_enrolment", uuid(1322), "withdraw"));
  w.must(w.set(staff, "health_check_slot", uuid(1401),
               {{"unit_id", kTown1}, {"place", "站点"}, {"date", "2026-07-08"}, {"start_time", "08:00"}, {"end_time", "11:00"}, {"capacity", 5}}));
  w.must(w.set(staff, "health_check_booking", uuid(1411), {{"slot_id", uuid(1401)}, {"owner_id", kOwnerUser}, {"unit_id", kTown1}}));
  w.must(w.set(staff, "health_check_booking", uuid(1412), {{"slot_id", uuid(1401)}, {"owner_id", kOtherWorkerUser}, {"unit_id", kTown1}}));
  w.must(w.step(staff, "health_check_booking", uuid(1412), "cancel"));

  const ServiceCounts town1 = service_counts(w.records, w.tree, kTown1, kNow);
  CHECK(town1.insurance_enrolled == 1);
  CHECK(town1.health_checks_booked == 1);
  const ServiceCounts town2 = service_counts(w.records, w.tree, kTown2, kNow);
  CHECK(town2.insurance_enrolled == 0);
  CHECK(town2.health_checks_booked == 0);
}

}
