#include "core/services/station.h"

#include <doctest/doctest.h>

#include "services_world.h"

using namespace nx;
using namespace nx::services;
using namespace nx::svc_test;

namespace {

const std::string kStation = uuid(301);

// 海陵区 凤城河 驿站, open 07:00-21:00 on weekdays.
json station_fields() {
  return {{"name", "凤城河户外劳动者驿站"},
          {"unit_id", kTown1},
          {"address", "泰州市海陵区凤城河路 18 号"},
          {"lat", 32.4849},
          {"lng", 119.9250},
          {"phone", "0523 8601 2345"},
          {"amenities", {"heating", "cooling", "drinking_water", "charging", "microwave"}},
          {"hours", {{"mon", {{{"open", "07:00"}, {"close", "21:00"}}}}, {"fri", {{{"open", "07:00"}, {"close", "21:00"}}}}}},
          {"closed_dates", {"2026-10-01"}},
          {"status", "open"},
          {"contact_name", "王红梅"}};
}

json without(json j, const char* field) {
  j.erase(field);
  return j;
}
json with(json j, const char* field, json value) {
  j[field] = std::move(value);
  return j;
}

}  // namespace

TEST_SUITE("services/station") {

TEST_CASE("a complete station decodes, its phone in one form") {
  const Decoded<Station> d = decode_station(station_fields());
  REQUIRE(d.ok());
  CHECK(d.value.name == "凤城河户外劳动者驿站");
  CHECK(d.value.phone == "0523-86012345");
  CHECK(d.value.has("microwave"));
  CHECK_FALSE(d.value.has("toilet"));
  CHECK(d.value.hours.week[0].size() == 1);
  CHECK(d.value.hours.closed_dates.size() == 1);
  CHECK(d.value.contact_name == "王红梅");
  // Optional fields may be left out or emptied on the form.
  json minimal = station_fields();
  for (const char* f : {"phone", "amenities", "hours", "closed_dates", "contact_name"}) minimal.erase(f);
  CHECK(decode_station(minimal).ok());
  CHECK(decode_station(with(with(station_fields(), "phone", ""), "contact_name", " ")).ok());
}

TEST_CASE("untrusted fields are refused with the field named") {
  for (const char* f : {"name", "unit_id", "address", "lat", "lng", "status"}) {
    CAPTURE(f);
    CHECK(has_error(decode_station(without(station_fields(), f)).errors, "required", f));
  }
  CHECK(has_error(decode_station(with(station_fields(), "name", 5)).errors, "type_invalid", "name"));
  CHECK(has_error(decode_station(with(station_fields(), "name", std::string(61, 'a'))).errors, "too_long", "name"));
  CHECK(has_error(decode_station(with(station_fields(), "name", "   ")).errors, "required", "name"));
  CHECK(has_error(decode_station(with(station_fields(), "unit_id", "t1")).errors, "id_invalid", "unit_id"));
  CHECK(has_error(decode_station(with(station_fields(), "lat", "32.48")).errors, "type_invalid", "lat"));
  CHECK(has_error(decode_station(with(station_fields(), "lat", 0)).errors, "location_invalid", "lat"));
  // Latitude and longitude swapped: both out of China.
  const Errors swapped = decode_station(with(with(station_fields(), "lat", 119.925), "lng", 32.4849)).errors;
  CHECK(has_error(swapped, "location_invalid", "lat"));
  CHECK(has_error(swapped, "location_invalid", "lng"));
  CHECK(has_error(decode_station(with(station_fields(), "phone", "8601234")).errors, "phone_invalid", "phone"));
  CHECK(has_error(decode_station(with(station_fields(), "amenities", {"heating", "sauna"})).errors, "enum_invalid", "amenities"));
  CHECK(has_error(decode_station(with(station_fields(), "amenities", "heating")).errors, "type_invalid", "amenities"));
  CHECK(has_error(decode_station(with(station_fields(), "status", "closed")).errors, "enum_invalid", "status"));
  CHECK(has_error(decode_station(with(station_fields(), "status_note", std::string(201, 'x'))).errors, "too_long", "status_note"));
  CHECK(has_error(decode_station(with(station_fields(), "contact_name", "王 123")).errors, "name_invalid", "contact_name"));
  CHECK(has_error(decode_station(with(station_fields(), "wifi", true)).errors, "field_unknown", "wifi"));
  CHECK(has_error(decode_station(with(station_fields(), "hours", {{"sun", {{{"open", "22:00"}, {"close", "22:00"}}}}})).errors,
                  "interval_empty", "hours.sun[0]"));
  CHECK(has_error(decode_station(json::array()).errors, "type_invalid", "fields"));
  // Every problem is reported at once, not only the first.
  CHECK(decode_station(with(with(station_fields(), "name", 1), "status", "x")).errors.size() == 2);
}

TEST_CASE("a stored record reads as a Station with its id, or its first problem") {
  sync::Record r;
  r.kind = "station";
  r.id = kStation;
  r.fields = station_fields();
  auto s = station_from_record(r);
  REQUIRE(s);
  CHECK(s.value().id == kStation);
  r.fields.erase("lat");
  CHECK(station_from_record(r).error().field == "lat");
}

TEST_CASE("staff of the station's unit and the units above keep it; nobody else") {
  World base;
  check_who(base, {"unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.set(a, "station", kStation, station_fields()); }, "forbidden");

  base.must(base.set(person("unit_staff"), "station", kStation, station_fields()));
  check_who(base, {"unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) {
              return w.set(a, "station", kStation, {{"status", "temporarily_closed"}, {"status_note", "停电检修，预计周五恢复"}});
            },
            "forbidden");
  check_who(base, {"unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.remove(a, "station", kStation); }, "forbidden");
}

TEST_CASE("edits are validated, and a station cannot be handed to a unit out of reach") {
  World w;
  w.must(w.set(person("unit_staff"), "station", kStation, station_fields()));
  auto bad = w.set(person("unit_staff"), "station", kStation, {{"phone", "12"}});
  CHECK(code_of(bad) == "phone_invalid");
  CHECK(w.get("station", kStation).fields["phone"] == "0523 8601 2345");
  CHECK(code_of(w.set(person("unit_staff"), "station", kStation, {{"unit_id", kTown2}})) == "forbidden");
  CHECK(applied(w.set(person("ancestor_staff"), "station", kStation, {{"unit_id", kTown2}})));
  // Status is a plain field here: no workflow, staff just set what is true now.
  CHECK(applied(w.set(person("ancestor_staff"), "station", kStation, {{"status", "closed_permanently"}})));
}

}
