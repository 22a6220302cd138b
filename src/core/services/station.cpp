#include "core/services/station.h"

#include <algorithm>

#include "core/services/public_phone.h"
#include "core/text.h"
#include "core/validate.h"

namespace nx::services {

using nlohmann::json;

namespace {
constexpr std::string_view kFields[] = {"name",  "unit_id",  "address",      "lat",          "lng",
                                        "phone", "amenities", "hours",       "open_24h",     "closed_dates",
                                        "status", "status_note", "contact_name"};

std::optional<double> read_coordinate(json_in::Reader& r, const char* field, double min, double max) {
  if (!r.has(field)) {
    r.require(field);
    return std::nullopt;
  }
  auto v = r.number_in(field, -1000, 1000);
  if (!v) return std::nullopt;
  if (*v < min || *v > max) {
    r.add(catalog_error("location_invalid", field, Msg::ErrTheLocationIsOutsideChinaPick));
    return std::nullopt;
  }
  return v;
}
}  // namespace

bool Station::has(std::string_view amenity) const {
  return std::find(amenities.begin(), amenities.end(), amenity) != amenities.end();
}

Decoded<Station> decode_station(const json& fields) {
  Decoded<Station> out;
  Station& s = out.value;
  json_in::Reader r(fields, "fields");
  if (!r.ok()) return {s, r.take_errors()};
  refuse_unknown_fields(r, fields, kFields);
  s.name = r.required_str("name", 60);
  if (auto v = read_id(r, "unit_id", true)) s.unit_id = *v;
  s.address = r.required_str("address", 200);
  if (auto v = read_coordinate(r, "lat", kMinLat, kMaxLat)) s.lat = *v;
  if (auto v = read_coordinate(r, "lng", kMinLng, kMaxLng)) s.lng = *v;
  // An emptied optional field on a form is "none", not a bad value.
  if (auto v = r.str("phone", 30); v && !text::trim(*v).empty()) {
    if (auto n = normalize_public_phone(*v)) s.phone = *n;
    else if (auto e = public_phone(*v, "phone")) r.add(*e);
  }
  if (auto v = r.string_set("amenities", kAmenities)) s.amenities = *v;
  s.hours = read_opening_hours(r, fields);
  if (!r.has("status")) r.require("status");
  else if (auto v = r.one_of("status", kStationStatuses)) s.status = *v;
  if (auto v = r.str("status_note", 200)) s.status_note = *v;
  if (auto v = r.str("contact_name", 30); v && !text::trim(*v).empty()) {
    if (auto e = validate::person_name(*v, "contact_name")) r.add(*e);
    else s.contact_name = *v;
  }
  out.errors = r.take_errors();
  return out;
}

Result<Station> station_from_record(const sync::Record& record) {
  Decoded<Station> d = decode_station(record.fields);
  if (!d.ok()) return d.errors.front();
  d.value.id = record.id;
  return std::move(d.value);
}

namespace {
Errors validate_station(const json& fields) { return decode_station(fields).errors; }
}  // namespace

kinds::KindSpec station_kind() {
  kinds::KindSpec spec;
  spec.name = "station";
  spec.validate = validate_station;
  spec.create_rights = kUnitStaff;
  spec.edit_rights = kUnitStaff;
  spec.is_public = true;
  return spec;
}

}  // namespace nx::services
