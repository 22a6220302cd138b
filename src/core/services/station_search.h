#pragma once
// What a worker on the road asks of the station list: is it open now, how long until it
// closes or opens ("closes in 20 min"), and which open stations near me have what I need.
// All times are China local time, from a Unix moment.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/services/station.h"

namespace nx::services {

// Great-circle distance in km on a sphere of the Earth's mean radius (6371.0088 km); good to
// about 0.5 %, plenty for "which station is nearest".
double haversine_km(double lat1, double lng1, double lat2, double lng2);

struct OpenNow {
  bool open = false;
  // When open: minutes until it closes; when closed: minutes until it opens. nullopt when
  // that is more than kLookaheadDays away, or never (a station not in service).
  std::optional<int> minutes_to_change;
};

// Opening hours and closed dates, and the station's status: a temporarily or permanently
// closed station is closed whatever its hours say.
OpenNow open_now(const Station& station, std::int64_t now_ms);
bool is_open_at(const Station& station, std::int64_t now_ms);
// The same at a China local date and minute ("is it open on Saturday at 22:00?").
OpenNow open_at(const Station& station, const civil::LocalTime& local);

struct StationQuery {
  double lat = 0;  // where the worker is
  double lng = 0;
  std::vector<std::string> amenities;  // every one of them is required
  bool open_now_only = false;
  std::int64_t now_ms = 0;
  std::optional<double> max_km;  // none: any distance
  std::size_t limit = 0;         // 0: all
};

struct StationHit {
  const Station* station = nullptr;
  double distance_km = 0;
  OpenNow open;
};

// Stations matching `q`, nearest first. Permanently closed stations never appear. Distances
// are ranked to the whole metre and ties go by name, then id, so the phone (WebAssembly) and
// the server list them in the same order even where their last floating-point bits differ.
std::vector<StationHit> nearest_stations(std::span<const Station> stations, const StationQuery& q);

}  // namespace nx::services
