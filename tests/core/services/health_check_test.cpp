#include "core/services/health_check.h"

#include <doctest/doctest.h>

#include "services_world.h"

using namespace nx;
using namespace nx::services;
using namespace nx::svc_test;

namespace {

const std::string kSlot = uuid(1001);

// The mobile check-up van at a delivery hub on Wednesday 2026-07-08, 08:30-11:30.
json slot_fields(int capacity = 2) {
  return {{"unit_id", kTown1},
          {"place", "美团海陵站点"},
          {"address", "泰州市海陵区东进路 66 号"},
          {"date", "2026-07-08"},
          {"start_time", "08:30"},
          {"end_time", "11:30"},
          {"capacity", capacity}};
}

json booking(const std::string& owner = kOwnerUser) { return {{"slot_id", kSlot}, {"owner_id", owner}, {"unit_id", kTown1}}; }

World with_slot(int capacity = 2) {
  World w;
  w.must(w.set(person("unit_staff"), "health_check_slot", kSlot, slot_fields(capacity)));
  return w;
}

World booked() {
  World w = with_slot();
  w.must(w.set(person("owner"), "health_check_booking", uuid(1010), booking()));
  return w;
}

World on_day(World w) {
  w.now_ms = civil::from_china_local({2026, 7, 8}, 9 * 60);
  return w;
}

}  // namespace

TEST_SUITE("services/health_check") {

TEST_CASE("a slot's fields are checked") {
  CHECK(validate_health_check_slot(slot_fields()).empty());
  for (const char* f : {"unit_id", "place", "date", "start_time", "end_time", "capacity"}) {
    json j = slot_fields();
    j.erase(f);
    CAPTURE(f);
    CHECK(has_error(validate_health_check_slot(j), "required", f));
  }
  json j = slot_fields();
  j["end_time"] = "08:30";
  CHECK(has_error(validate_health_check_slot(j), "time_range_invalid", "end_time"));
  j["end_time"] = "8:30";
  CHECK(has_error(validate_health_check_slot(j), "time_invalid", "end_time"));
  j["end_time"] = "24:00";
  CHECK(validate_health_check_slot(j).empty());
  j = slot_fields(0);
  CHECK(has_error(validate_health_check_slot(j), "out_of_range", "capacity"));
  j["capacity"] = 2001;
  CHECK(has_error(validate_health_check_slot(j), "out_of_range", "capacity"));
  j = slot_fields();
  j["date"] = "2026-02-29";
  CHECK(has_error(validate_health_check_slot(j), "date_invalid", "date"));
  j = slot_fields();
  j["place"] = std::string(101, 'x');
  CHECK(has_error(validate_health_check_slot(j), "too_long", "place"));
  check_who(World{}, {"unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.set(a, "health_check_slot", kSlot, slot_fields()); }, "forbidden");
}

TEST_CASE("who may book: the worker for themselves, staff over the slot's unit for them") {
  check_who(with_slot(), {"owner", "unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.set(a, "health_check_booking", uuid(1011), booking()); }, "forbidden");
  World w = booked();
  CHECK(w.get("health_check_booking", uuid(1010)).fields["status"] == "booked");
}

TEST_CASE("capacity is never exceeded, and a cancellation frees the place") {
  World w = with_slot(2);
  w.must(w.set(person("owner"), "health_check_booking", uuid(1020), booking()));
  w.must(w.set(person("other_worker"), "health_check_booking", uuid(1021), booking(kOtherWorkerUser)));
  CHECK(places_taken(w.records, kSlot) == 2);
  const Actor& staff = person("unit_staff");
  auto full = w.set(staff, "health_check_booking", uuid(1022), booking(uuid(150)));
  CHECK(code_of(full) == "slot_full");
  CHECK(full.reason->field == "slot_id");
  w.must(w.step(person("other_worker"), "health_check_booking", uuid(1021), "cancel"));
  CHECK(places_taken(w.records, kSlot) == 1);
  CHECK(applied(w.set(staff, "health_check_booking", uuid(1023), booking(uuid(150)))));
  // Those who came or did not come still held their place.
  World day = on_day(w);
  day.must(day.step(staff, "health_check_booking", uuid(1020), "attend"));
  day.must(day.step(staff, "health_check_booking", uuid(1023), "no_show"));
  CHECK(places_taken(day.records, kSlot) == 2);
  CHECK(code_of(day.set(staff, "health_check_booking", uuid(1024), booking(uuid(151)))) == "slot_full");
}

TEST_CASE("one booking per person per slot; after cancelling, booking again is fine") {
  World w = booked();
  CHECK(code_of(w.set(person("owner"), "health_check_booking", uuid(1030), booking())) == "already_booked");
  CHECK(code_of(w.set(person("unit_staff"), "health_check_booking", uuid(1031), booking())) == "already_booked");
  w.must(w.step(person("owner"), "health_check_booking", uuid(1010), "cancel"));
  CHECK(applied(w.set(person("owner"), "health_check_booking", uuid(1032), booking())));
}

TEST_CASE("a booking needs a slot that exists, carries its unit, and has not ended") {
  World w = with_slot();
  json b = booking();
  b["slot_id"] = uuid(1099);
  CHECK(code_of(w.set(person("owner"), "health_check_booking", uuid(1040), b)) == "not_found");
  b = booking();
  b["unit_id"] = kTown2;
  CHECK(code_of(w.set(person("owner"), "health_check_booking", uuid(1041), b)) == "mismatch");
  World late = w;
  late.now_ms = civil::from_china_local({2026, 7, 8}, 11 * 60 + 29);
  CHECK(applied(late.set(person("owner"), "health_check_booking", uuid(1042), booking())));  // still on
  late.now_ms = civil::from_china_local({2026, 7, 8}, 11 * 60 + 30);
  CHECK(code_of(late.set(person("other_worker"), "health_check_booking", uuid(1043), booking(kOtherWorkerUser))) == "slot_past");
  World offline = w;
  offline.with_records = false;
  CHECK(code_of(offline.set(person("owner"), "health_check_booking", uuid(1044), booking())) == "records_unavailable");
  World gone = w;
  gone.must(gone.remove(person("unit_staff"), "health_check_slot", kSlot));
  CHECK(code_of(gone.set(person("owner"), "health_check_booking", uuid(1045), booking())) == "not_found");
  json bad = booking();
  bad["status"] = "attended";
  CHECK(code_of(w.set(person("owner"), "health_check_booking", uuid(1046), bad)) == "field_protected");
  bad = booking();
  bad["seat"] = 3;
  CHECK(code_of(w.set(person("owner"), "health_check_booking", uuid(1047), bad)) == "field_unknown");
}

TEST_CASE("steps by role: the worker or staff cancel, only staff record attendance") {
  check_who(booked(), {"owner", "unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.step(a, "health_check_booking", uuid(1010), "cancel"); });
  check_who(on_day(booked()), {"unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.step(a, "health_check_booking", uuid(1010), "attend"); });
  check_who(on_day(booked()), {"unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.step(a, "health_check_booking", uuid(1010), "no_show"); });
}

TEST_CASE("steps by state: every step starts only from booked") {
  for (const char* first : {"cancel", "attend", "no_show"}) {
    for (const char* then : {"cancel", "attend", "no_show"}) {
      World w = on_day(booked());
      w.must(w.step(person("unit_staff"), "health_check_booking", uuid(1010), first));
      CAPTURE(first);
      CAPTURE(then);
      CHECK(code_of(w.step(person("unit_staff"), "health_check_booking", uuid(1010), then)) == "transition_invalid");
    }
  }
}

TEST_CASE("attendance is recorded from the slot's day on, with the slot at hand") {
  World w = booked();  // Monday; the slot is on Wednesday
  CHECK(code_of(w.step(person("unit_staff"), "health_check_booking", uuid(1010), "attend")) == "too_early");
  CHECK(code_of(w.step(person("unit_staff"), "health_check_booking", uuid(1010), "no_show")) == "too_early");
  CHECK(applied(w.step(person("owner"), "health_check_booking", uuid(1010), "cancel")));  // any time
  World day = on_day(booked());
  day.with_records = false;
  CHECK(code_of(day.step(person("unit_staff"), "health_check_booking", uuid(1010), "attend")) == "records_unavailable");
  day.with_records = true;
  CHECK(code_of(day.step(person("unit_staff"), "health_check_booking", uuid(1010), "attend", {{"note", "x"}})) == "param_unknown");
  CHECK(applied(day.step(person("unit_staff"), "health_check_booking", uuid(1010), "attend")));
  CHECK(day.get("health_check_booking", uuid(1010)).fields["status"] == "attended");
}

}
