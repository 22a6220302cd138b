#pragma once
// 户外劳动者驿站: a rest station where outdoor workers can warm up, cool down, drink, rest and
// charge their phone. Staff of the station's union unit (or a unit above it) keep its details
// and status current; workers look it up by what it has, whether it is open and how near it is.
// Record kind "station"; fields:
//   name, unit_id, address, lat, lng (WGS-84, as the phone's geolocation gives them), phone
//   (mobile or landline), amenities, hours / open_24h / closed_dates (opening_hours.h),
//   status (open | temporarily_closed | closed_permanently), status_note, contact_name
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/services/kind_support.h"
#include "core/services/opening_hours.h"
#include "core/sync/record.h"

namespace nx::services {

// 取暖 纳凉 饮水 歇脚 充电 读书 微波炉 卫生间 急救药箱 热敷 遮风挡雨
inline constexpr std::array<std::string_view, 11> kAmenities{
    "heating", "cooling", "drinking_water", "rest",        "charging", "reading",
    "microwave", "toilet", "first_aid",     "hot_compress", "shelter"};

// temporarily_closed: under repair, staff away (the status note says why and until when).
inline constexpr std::array<std::string_view, 3> kStationStatuses{"open", "temporarily_closed", "closed_permanently"};

// Where stations can be: mainland China and its islands. Catches (0, 0) from a missing fix
// and latitude and longitude swapped.
inline constexpr double kMinLat = 3.0, kMaxLat = 54.0, kMinLng = 73.0, kMaxLng = 136.0;

struct Station {
  std::string id;  // the record id
  std::string name;
  std::string unit_id;
  std::string address;
  double lat = 0;
  double lng = 0;
  std::string phone;  // normalized (public_phone.h); "" when none
  std::vector<std::string> amenities;
  OpeningHours hours;
  std::string status = "open";
  std::string status_note;
  std::string contact_name;

  bool has(std::string_view amenity) const;
};

// Reads a station from untrusted fields; every problem is an Error naming its field.
Decoded<Station> decode_station(const nlohmann::json& fields);
// A stored station record as a Station (id included), or its first problem.
Result<Station> station_from_record(const sync::Record& record);

kinds::KindSpec station_kind();

}  // namespace nx::services
