#include "app/station_finder.h"

#include <doctest/doctest.h>

#include "core/demo/demo.h"

using namespace nx;
using namespace nx::app;

namespace {
const demo::DemoDistrict& district() {
  static const demo::DemoDistrict d = demo::generate_demo_district({}).value();
  return d;
}
// The demo's "now": Wednesday 2026-07-01 09:00 in China.
constexpr std::int64_t kNow = 1782867600000;
// Beside 南苑社区 in the south of the district.
const Place kNanyuan{32.4700, 119.9190, ""};
}  // namespace

TEST_CASE("nearest first from the phone's position, with distances") {
  const auto stations = stations_on_phone(district().records);
  REQUIRE(stations.size() == 16);
  const auto rows = find_stations(stations, {.here = kNanyuan, .now_ms = kNow});
  REQUIRE(rows.size() == 16);
  CHECK(rows[0].station.name == "城南街道南苑社区爱心驿站");
  REQUIRE(rows[0].distance_km);
  CHECK(*rows[0].distance_km < 0.1);
  for (std::size_t i = 1; i < rows.size(); ++i) CHECK(*rows[i - 1].distance_km <= *rows[i].distance_km);
}

TEST_CASE("amenities, open now and text narrow the list") {
  const auto stations = stations_on_phone(district().records);
  const auto open = find_stations(stations, {.open_now_only = true, .here = kNanyuan, .now_ms = kNow});
  CHECK(!open.empty());
  CHECK(open.size() < 16);  // one is under repair
  for (const auto& r : open) CHECK(r.open.open);

  const auto reading = find_stations(stations, {.amenities = {"reading", "drinking_water"}, .now_ms = kNow});
  for (const auto& r : reading) CHECK(r.station.has("reading"));
  CHECK(reading.size() < 16);

  const auto named = find_stations(stations, {.text = "物流园", .now_ms = kNow});
  REQUIRE(named.size() == 1);
  CHECK(named[0].station.name == "京泰路街道物流园驿站");
  CHECK(find_stations(stations, {.text = "京泰路 399", .now_ms = kNow}).size() == 1);  // the address counts
  CHECK(find_stations(stations, {.text = "没有这个地方", .now_ms = kNow}).empty());
}

TEST_CASE("without a position: no distances, open stations first, then by name") {
  const auto rows = find_stations(stations_on_phone(district().records), {.now_ms = kNow});
  REQUIRE(rows.size() == 16);
  bool seen_closed = false;
  for (const auto& r : rows) {
    CHECK(!r.distance_km);
    if (!r.open.open) seen_closed = true;
    else CHECK(!seen_closed);
  }
}

TEST_CASE("a town stands in for the position at the centre of its stations") {
  const auto stations = stations_on_phone(district().records);
  const auto towns = towns_with_stations(stations, district().records);
  CHECK(towns.size() >= 8);
  const auto it = std::find_if(towns.begin(), towns.end(), [](const Town& t) { return t.name == "城南街道"; });
  REQUIRE(it != towns.end());
  CHECK(it->place.lat == doctest::Approx((32.4703 + 32.4652) / 2));
  const auto rows = find_stations(stations, {.here = it->place, .now_ms = kNow});
  CHECK(rows[0].station.unit_id == it->unit_id);
}

TEST_CASE("distances read the way people say them") {
  CHECK(distance_text(0.004).text(Locale::ZhCN) == "10 米");
  CHECK(distance_text(0.853).text(Locale::ZhCN) == "850 米");
  CHECK(distance_text(0.999).text(Locale::En) == "1.0 km");
  CHECK(distance_text(1.24).text(Locale::ZhCN) == "1.2 公里");
  CHECK(distance_text(23.6).text(Locale::En) == "24 km");
}

TEST_CASE("links hand the station to the map app and the dialler") {
  services::Station s;
  s.name = "南苑 驿站";
  s.lat = 32.4703;
  s.lng = 119.9196;
  s.phone = "0523-86221234";
  CHECK(map_link(s) ==
        "https://uri.amap.com/marker?position=119.919600,32.470300&name=%E5%8D%97%E8%8B%91%20%E9%A9%BF%E7%AB%99"
        "&coordinate=wgs84&callnative=1");
  CHECK(phone_link(s) == "tel:052386221234");
  s.phone.clear();
  CHECK(phone_link(s).empty());
}
