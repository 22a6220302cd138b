#pragma once
// The station list a worker sees: stations on the phone, narrowed by what they typed, the
// amenities they need and "open now", nearest first when the phone knows where it is (else
// open ones first, then by name). A town can stand in for the phone's position: its stations'
// centre, so someone who refuses location still gets a sensible order.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/services/station_search.h"
#include "core/sync/record_source.h"

namespace nx::app {

struct Place {
  double lat = 0;
  double lng = 0;
  std::string label;  // "" for the phone's own position, else the town's name
  bool operator==(const Place&) const = default;
};

struct StationFilter {
  std::string text;                    // part of the name or address; "" for any
  std::vector<std::string> amenities;  // every one required
  bool open_now_only = false;
  std::optional<Place> here;
  std::int64_t now_ms = 0;
};

struct StationRow {
  services::Station station;
  std::optional<double> distance_km;  // nullopt when the position is unknown
  services::OpenNow open;
};

// Every valid, not permanently closed station on the phone.
std::vector<services::Station> stations_on_phone(const sync::RecordSource& records);
std::vector<StationRow> find_stations(const std::vector<services::Station>& stations, const StationFilter& filter);

// A town (or street) federation that keeps stations, placed at its stations' centre.
struct Town {
  std::string unit_id;
  std::string name;
  Place place;
};
std::vector<Town> towns_with_stations(const std::vector<services::Station>& stations, const sync::RecordSource& records);

// A link that opens the phone's map app (高德 Amap's web URI: it hands over to the app when
// installed, else shows the web map) with a pin on the station, from WGS-84 coordinates.
std::string map_link(const services::Station& station);
// The dialler link for a station's phone ("tel:05238888888").
std::string phone_link(const services::Station& station);

// "850 米" / "1.2 公里" (zh) or "850 m" / "1.2 km".
Message distance_text(double km);

}  // namespace nx::app
