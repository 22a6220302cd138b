#include "core/services/station_search.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace nx::services {

double haversine_km(double lat1, double lng1, double lat2, double lng2) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlng = (lng2 - lng1) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

OpenNow open_at(const Station& station, const civil::LocalTime& local) {
  if (station.status != "open") return OpenNow{};
  const HoursAt at = hours_at(station.hours, local);
  return OpenNow{at.open, at.minutes_to_change};
}

OpenNow open_now(const Station& station, std::int64_t now_ms) { return open_at(station, civil::to_china_local(now_ms)); }

bool is_open_at(const Station& station, std::int64_t now_ms) { return open_now(station, now_ms).open; }

std::vector<StationHit> nearest_stations(std::span<const Station> stations, const StationQuery& q) {
  std::vector<StationHit> hits;
  for (const Station& s : stations) {
    if (s.status == "closed_permanently") continue;
    if (!std::all_of(q.amenities.begin(), q.amenities.end(), [&](const std::string& a) { return s.has(a); })) continue;
    StationHit hit{&s, haversine_km(q.lat, q.lng, s.lat, s.lng), open_now(s, q.now_ms)};
    if (q.open_now_only && !hit.open.open) continue;
    if (q.max_km && hit.distance_km > *q.max_km) continue;
    hits.push_back(hit);
  }
  auto metres = [](double km) { return std::llround(km * 1000.0); };
  std::sort(hits.begin(), hits.end(), [&](const StationHit& a, const StationHit& b) {
    const auto da = metres(a.distance_km), db = metres(b.distance_km);
    if (da != db) return da < db;
    if (a.station->name != b.station->name) return a.station->name < b.station->name;
    return a.station->id < b.station->id;
  });
  if (q.limit && hits.size() > q.limit) hits.resize(q.limit);
  return hits;
}

}  // namespace nx::services
