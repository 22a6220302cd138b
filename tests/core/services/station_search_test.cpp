#include "core/services/station_search.h"

#include <doctest/doctest.h>

#include "services_world.h"

using namespace nx;
using namespace nx::services;
using nx::svc_test::kNow;  // Monday 2026-07-06 10:00 China time

namespace {

Station station(std::string id, std::string name, double lat, double lng, std::vector<std::string> amenities) {
  Station s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.lat = lat;
  s.lng = lng;
  s.amenities = std::move(amenities);
  s.hours.always_open = true;
  return s;
}

std::int64_t local(int y, int m, int d, int hh, int mm) { return civil::from_china_local({y, m, d}, hh * 60 + mm); }

std::vector<std::string> names(const std::vector<StationHit>& hits) {
  std::vector<std::string> out;
  for (const StationHit& h : hits) out.push_back(h.station->name);
  return out;
}

}  // namespace

TEST_SUITE("services/station_search") {

TEST_CASE("haversine distance matches known distances") {
  // 泰州 (32.4555 N, 119.9229 E) to 南京 (32.0603 N, 118.7969 E): about 114.6 km in a straight line.
  CHECK(haversine_km(32.4555, 119.9229, 32.0603, 118.7969) == doctest::Approx(114.637).epsilon(0.0005));
  // One degree of latitude along a meridian is 2πR/360.
  CHECK(haversine_km(32.0, 119.0, 33.0, 119.0) == doctest::Approx(111.195).epsilon(0.0001));
  // Symmetric, zero for one point, and a quarter of the globe from the pole to the equator.
  CHECK(haversine_km(32.0603, 118.7969, 32.4555, 119.9229) == doctest::Approx(haversine_km(32.4555, 119.9229, 32.0603, 118.7969)));
  CHECK(haversine_km(32.4555, 119.9229, 32.4555, 119.9229) == 0.0);
  CHECK(haversine_km(90, 0, 0, 0) == doctest::Approx(10007.56).epsilon(0.0001));
}

TEST_CASE("open now follows the hours, the closed dates and the status") {
  Station s = station("s1", "驿站", 32.45, 119.92, {});
  s.hours.always_open = false;
  s.hours.week[6] = {{22 * 60, 2 * 60}};  // Sunday 22:00-02:00
  CHECK(is_open_at(s, local(2026, 7, 6, 1, 0)));  // Monday 01:00
  OpenNow o = open_now(s, local(2026, 7, 6, 1, 40) + 30'000);  // seconds do not matter
  CHECK(o.open);
  CHECK(o.minutes_to_change == 20);
  CHECK_FALSE(is_open_at(s, local(2026, 7, 6, 2, 0)));
  CHECK(open_at(s, civil::LocalTime{{2026, 7, 12}, 23 * 60}).open);  // the next Sunday night
  CHECK(open_at(s, civil::LocalTime{{2026, 7, 12}, 21 * 60}).minutes_to_change == 60);

  s.status = "temporarily_closed";
  o = open_now(s, local(2026, 7, 6, 1, 0));
  CHECK_FALSE(o.open);
  CHECK_FALSE(o.minutes_to_change);  // nobody knows when it reopens; the status note may say
  s.status = "closed_permanently";
  CHECK_FALSE(is_open_at(s, local(2026, 7, 6, 1, 0)));

  Station holiday = station("s2", "节日驿站", 32.45, 119.92, {});
  holiday.hours.closed_dates = {{2026, 7, 6}};
  CHECK_FALSE(is_open_at(holiday, kNow));
  CHECK(is_open_at(holiday, kNow + svc_test::kDayMs));
}

TEST_CASE("nearest stations with every amenity asked for, nearest first") {
  const double here_lat = 32.4555, here_lng = 119.9229;  // 泰州 city centre
  const std::vector<Station> stations = {
      station("a", "远处驿站", 32.60, 119.95, {"heating", "charging", "drinking_water"}),
      station("b", "近处驿站", 32.46, 119.925, {"heating", "charging"}),
      station("c", "只能喝水", 32.456, 119.923, {"drinking_water"}),
      station("d", "中间驿站", 32.50, 119.93, {"charging", "heating", "toilet"}),
  };
  StationQuery q{here_lat, here_lng, {"heating", "charging"}, false, kNow, std::nullopt, 0};
  auto hits = nearest_stations(stations, q);
  CHECK(names(hits) == std::vector<std::string>{"近处驿站", "中间驿站", "远处驿站"});
  CHECK(hits[0].distance_km < hits[1].distance_km);
  CHECK(hits[0].distance_km == doctest::Approx(haversine_km(here_lat, here_lng, 32.46, 119.925)));
  CHECK(hits[0].open.open);

  q.amenities = {"heating", "charging", "drinking_water"};
  CHECK(names(nearest_stations(stations, q)) == std::vector<std::string>{"远处驿站"});
  q.amenities = {};
  CHECK(names(nearest_stations(stations, q)).front() == "只能喝水");
  q.limit = 2;
  CHECK(nearest_stations(stations, q).size() == 2);
  q.limit = 0;
  q.max_km = 6.0;
  CHECK(names(nearest_stations(stations, q)) == std::vector<std::string>{"只能喝水", "近处驿站", "中间驿站"});
}

TEST_CASE("open-only leaves out closed stations; permanently closed ones never show") {
  std::vector<Station> stations = {
      station("a", "开着的", 32.47, 119.92, {"rest"}),
      station("b", "关门的", 32.46, 119.92, {"rest"}),
      station("c", "暂停的", 32.455, 119.92, {"rest"}),
      station("d", "撤销的", 32.4555, 119.9229, {"rest"}),
  };
  stations[1].hours.always_open = false;
  stations[1].hours.week[0] = {{18 * 60, 22 * 60}};  // Monday evenings only
  stations[2].status = "temporarily_closed";
  stations[3].status = "closed_permanently";
  StationQuery q{32.4555, 119.9229, {"rest"}, false, kNow, std::nullopt, 0};
  auto all = nearest_stations(stations, q);
  CHECK(names(all) == std::vector<std::string>{"暂停的", "关门的", "开着的"});
  CHECK(all[1].open.minutes_to_change == 8 * 60);  // opens at 18:00
  q.open_now_only = true;
  CHECK(names(nearest_stations(stations, q)) == std::vector<std::string>{"开着的"});
  q.now_ms = svc_test::kNow + 9 * 3600 * 1000;  // Monday 19:00
  CHECK(names(nearest_stations(stations, q)) == std::vector<std::string>{"关门的", "开着的"});
}

TEST_CASE("equal distances are ranked by name, then id, whatever order they come in") {
  std::vector<Station> stations = {
      station("id-2", "乙站", 32.46, 119.93, {}),
      station("id-9", "甲站", 32.46, 119.93, {}),
      station("id-1", "乙站", 32.46, 119.93, {}),
      station("id-0", "近站", 32.4555, 119.9229, {}),
  };
  // Less than a metre apart still counts as the same distance.
  stations[2].lat += 0.000001;  // "id-1", 7 cm farther than "id-2"
  StationQuery q{32.4555, 119.9229, {}, false, kNow, std::nullopt, 0};
  std::vector<std::string> first, second;
  for (const auto& h : nearest_stations(stations, q)) first.push_back(h.station->id);
  std::reverse(stations.begin(), stations.end());
  for (const auto& h : nearest_stations(stations, q)) second.push_back(h.station->id);
  // "乙站" < "甲站" in UTF-8 byte order (乙 U+4E59, 甲 U+7532).
  CHECK(first == std::vector<std::string>{"id-0", "id-1", "id-2", "id-9"});
  CHECK(second == first);
}

}
