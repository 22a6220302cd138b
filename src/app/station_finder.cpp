#include "app/station_finder.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/place_name.h"
#include "core/membership/unit.h"

namespace nx::app {

namespace {

// Case-insensitive for Latin letters; Chinese has no case.
std::string folded(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool matches_text(const services::Station& s, const std::string& text) {
  if (text.empty()) return true;
  const std::string needle = folded(text);
  return folded(s.name).find(needle) != std::string::npos || folded(s.address).find(needle) != std::string::npos;
}

}  // namespace

std::vector<services::Station> stations_on_phone(const sync::RecordSource& records) {
  std::vector<services::Station> out;
  for (const sync::Record* r : records.all("station")) {
    if (r->deleted) continue;
    auto s = services::station_from_record(*r);
    if (s && s.value().status != "closed_permanently") out.push_back(std::move(s).value());
  }
  return out;
}

std::vector<StationRow> find_stations(const std::vector<services::Station>& stations, const StationFilter& filter) {
  services::StationQuery q;
  q.amenities = filter.amenities;
  q.open_now_only = filter.open_now_only;
  q.now_ms = filter.now_ms;
  if (filter.here) {
    q.lat = filter.here->lat;
    q.lng = filter.here->lng;
  }
  std::vector<StationRow> rows;
  for (const services::StationHit& hit : services::nearest_stations(stations, q)) {
    if (!matches_text(*hit.station, filter.text)) continue;
    StationRow row{*hit.station, std::nullopt, hit.open};
    if (filter.here) row.distance_km = hit.distance_km;
    rows.push_back(std::move(row));
  }
  if (!filter.here)
    std::stable_sort(rows.begin(), rows.end(), [](const StationRow& a, const StationRow& b) {
      if (a.open.open != b.open.open) return a.open.open;
      return a.station.name < b.station.name;
    });
  return rows;
}

std::vector<Town> towns_with_stations(const std::vector<services::Station>& stations, const sync::RecordSource& records) {
  struct Sum {
    double lat = 0, lng = 0;
    int n = 0;
  };
  std::map<std::string, Sum> sums;
  for (const services::Station& s : stations) {
    Sum& sum = sums[s.unit_id];
    sum.lat += s.lat;
    sum.lng += s.lng;
    ++sum.n;
  }
  std::vector<Town> towns;
  for (const auto& [unit_id, sum] : sums) {
    const sync::Record* r = records.get(membership::kUnitKind, unit_id);
    if (!r) continue;
    const auto unit = membership::unit_from_record(*r);
    if (!unit || unit->type != membership::UnitType::TownFederation) continue;
    const std::string place = place_name(unit->name);
    towns.push_back({unit_id, place, {sum.lat / sum.n, sum.lng / sum.n, place}});
  }
  std::sort(towns.begin(), towns.end(), [](const Town& a, const Town& b) { return a.name < b.name; });
  return towns;
}

namespace {
std::string percent_encoded(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
        c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}
}  // namespace

std::string map_link(const services::Station& s) {
  char position[64];
  std::snprintf(position, sizeof position, "%.6f,%.6f", s.lng, s.lat);
  return std::string("https://uri.amap.com/marker?position=") + position + "&name=" + percent_encoded(s.name) +
         "&coordinate=wgs84&callnative=1";
}

std::string phone_link(const services::Station& s) {
  std::string digits;
  for (char c : s.phone)
    if ((c >= '0' && c <= '9') || c == '+') digits += c;
  return digits.empty() ? "" : "tel:" + digits;
}

Message distance_text(double km) {
  if (km < 1.0) {
    const long metres = std::max(10L, std::lround(km * 100.0) * 10);  // to 10 m: more is noise
    if (metres < 1000) return {Msg::DistanceMetres, {std::to_string(metres)}};
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, km < 10 ? "%.1f" : "%.0f", km);
  return {Msg::DistanceKilometres, {std::string(buf)}};
}

}  // namespace nx::app
