#include "core/services/opening_hours.h"

#include <doctest/doctest.h>

#include "services_world.h"

using namespace nx;
using namespace nx::services;
using nlohmann::json;
using nx::svc_test::has_error;

namespace {

struct Read {
  OpeningHours hours;
  Errors errors;
};

Read read(const json& fields) {
  json_in::Reader r(fields);
  Read out;
  out.hours = read_opening_hours(r, fields);
  out.errors = r.take_errors();
  return out;
}

OpeningHours hours_of(const json& fields) {
  Read r = read(fields);
  INFO(svc_test::codes(r.errors).size());
  REQUIRE(r.errors.empty());
  return r.hours;
}

// 2026-07-05 is a Sunday, 2026-07-06 a Monday.
civil::LocalTime at(int y, int m, int d, int hh, int mm) { return civil::LocalTime{civil::Date{y, m, d}, hh * 60 + mm}; }

}  // namespace

TEST_SUITE("services/opening_hours") {

TEST_CASE("an overnight interval from Sunday still counts early on Monday") {
  const OpeningHours h = hours_of({{"hours", {{"sun", {{{"open", "22:00"}, {"close", "02:00"}}}}}}});
  CHECK(hours_at(h, at(2026, 7, 5, 21, 59)).open == false);
  CHECK(hours_at(h, at(2026, 7, 5, 22, 0)).open == true);
  CHECK(hours_at(h, at(2026, 7, 5, 23, 59)).open == true);
  CHECK(hours_at(h, at(2026, 7, 6, 0, 0)).open == true);
  CHECK(hours_at(h, at(2026, 7, 6, 1, 0)).open == true);   // Monday 01:00
  CHECK(hours_at(h, at(2026, 7, 6, 1, 59)).open == true);
  CHECK(hours_at(h, at(2026, 7, 6, 2, 0)).open == false);  // closed at 02:00 sharp
  // Monday's own hours are empty: Monday 22:30 is closed, it is not Sunday night again.
  CHECK(hours_at(h, at(2026, 7, 6, 22, 30)).open == false);
  CHECK(hours_at(h, at(2026, 7, 12, 23, 0)).open == true);  // the next Sunday
}

TEST_CASE("minutes to the next change count across midnight") {
  const OpeningHours h = hours_of({{"hours", {{"sun", {{{"open", "22:00"}, {"close", "02:00"}}}}}}});
  CHECK(hours_at(h, at(2026, 7, 5, 23, 40)).minutes_to_change == 140);  // closes at 02:00
  CHECK(hours_at(h, at(2026, 7, 6, 1, 40)).minutes_to_change == 20);    // "closes in 20 min"
  CHECK(hours_at(h, at(2026, 7, 5, 21, 30)).minutes_to_change == 30);   // opens in 30 min
  // Closed Monday 02:00: the next opening is Sunday 22:00, 6 days 20 hours later.
  CHECK(hours_at(h, at(2026, 7, 6, 2, 0)).minutes_to_change == 6 * 1440 + 20 * 60);
}

TEST_CASE("whole days join: 00:00-24:00 on two days closes at the end of the second") {
  const json day = {{{"open", "00:00"}, {"close", "24:00"}}};
  const OpeningHours h = hours_of({{"hours", {{"mon", day}, {"tue", day}, {"wed", {{{"open", "00:00"}, {"close", "06:00"}}}}}}});
  const HoursAt mon = hours_at(h, at(2026, 7, 6, 23, 0));
  CHECK(mon.open);
  CHECK(mon.minutes_to_change == 60 + 24 * 60 + 6 * 60);  // through Tuesday to Wednesday 06:00
  CHECK(hours_at(h, at(2026, 7, 8, 6, 0)).open == false);
  // Two intervals that meet ("08:00-12:00", "12:00-18:00") do not close at noon.
  const OpeningHours split = hours_of({{"hours", {{"mon", {{{"open", "08:00"}, {"close", "12:00"}}, {{"open", "12:00"}, {"close", "18:00"}}}}}}});
  CHECK(hours_at(split, at(2026, 7, 6, 11, 0)).minutes_to_change == 7 * 60);
  // An evening interval closing "00:00" runs to midnight.
  const OpeningHours evening = hours_of({{"hours", {{"mon", {{{"open", "18:00"}, {"close", "00:00"}}}}}}});
  CHECK(hours_at(evening, at(2026, 7, 6, 23, 59)).open);
  CHECK(hours_at(evening, at(2026, 7, 6, 23, 0)).minutes_to_change == 60);
  CHECK_FALSE(hours_at(evening, at(2026, 7, 7, 0, 0)).open);
}

TEST_CASE("open_24h is always open, and never claims a closing time") {
  const OpeningHours h = hours_of({{"open_24h", true}});
  const HoursAt a = hours_at(h, at(2026, 7, 6, 3, 0));
  CHECK(a.open);
  CHECK_FALSE(a.minutes_to_change);
  // A station with no hours at all is never open and never opens.
  const HoursAt none = hours_at(hours_of(json::object()), at(2026, 7, 6, 12, 0));
  CHECK_FALSE(none.open);
  CHECK_FALSE(none.minutes_to_change);
}

TEST_CASE("a closed date cancels the openings that start on it, not the night before's tail") {
  // Open every evening 22:00-02:00; 2026-10-01 (Thursday) is a holiday.
  json every = json::object();
  for (auto key : kWeekdayKeys) every[std::string(key)] = {{{"open", "22:00"}, {"close", "02:00"}}};
  const OpeningHours h = hours_of({{"hours", every}, {"closed_dates", {"2026-10-01"}}});
  CHECK(hours_at(h, at(2026, 10, 1, 1, 0)).open);          // Wednesday night's tail still runs
  CHECK(hours_at(h, at(2026, 10, 1, 1, 0)).minutes_to_change == 60);
  CHECK_FALSE(hours_at(h, at(2026, 10, 1, 22, 30)).open);  // the holiday's own evening is off
  CHECK_FALSE(hours_at(h, at(2026, 10, 2, 1, 0)).open);    // and with it its tail
  CHECK(hours_at(h, at(2026, 10, 2, 22, 0)).open);         // back the next evening
  // At 02:00 on the holiday the next opening is the evening after it: 44 hours on.
  CHECK(hours_at(h, at(2026, 10, 1, 2, 0)).minutes_to_change == 44 * 60);

  const OpeningHours all_day = hours_of({{"open_24h", true}, {"closed_dates", {"2026-10-01", "2026-10-02"}}});
  CHECK(hours_at(all_day, at(2026, 9, 30, 23, 59)).open);
  CHECK(hours_at(all_day, at(2026, 9, 30, 23, 0)).minutes_to_change == 60);
  CHECK_FALSE(hours_at(all_day, at(2026, 10, 1, 12, 0)).open);
  CHECK(hours_at(all_day, at(2026, 10, 1, 12, 0)).minutes_to_change == 36 * 60);
  CHECK(hours_at(all_day, at(2026, 10, 3, 0, 0)).open);
}

TEST_CASE("the stored form reads back the same, closed dates sorted and without repeats") {
  const json fields = {{"hours", {{"sun", {{{"open", "22:00"}, {"close", "02:00"}}}}, {"wed", {{{"open", "08:30"}, {"close", "24:00"}}}}}},
                       {"open_24h", false},
                       {"closed_dates", {"2026-10-02", "2026-10-01", "2026-10-02"}}};
  const OpeningHours h = hours_of(fields);
  REQUIRE(h.closed_dates.size() == 2);
  CHECK(h.closed_dates[0] == civil::Date{2026, 10, 1});
  CHECK(h.week[6] == std::vector<Interval>{{22 * 60, 2 * 60}});
  CHECK(h.week[2] == std::vector<Interval>{{8 * 60 + 30, 24 * 60}});
  json out = json::object();
  write_opening_hours(h, out);
  CHECK(out["closed_dates"] == json({"2026-10-01", "2026-10-02"}));
  CHECK(out["hours"]["wed"][0]["close"] == "24:00");
  CHECK(hours_of(out) == h);
}

TEST_CASE("bad hours from an untrusted client are refused field by field") {
  CHECK(has_error(read({{"hours", "8-20"}}).errors, "type_invalid", "hours"));
  CHECK(has_error(read({{"hours", {{"monday", json::array()}}}}).errors, "field_unknown", "hours.monday"));
  CHECK(has_error(read({{"hours", {{"mon", "08:00-20:00"}}}}).errors, "type_invalid", "hours.mon"));
  CHECK(has_error(read({{"hours", {{"mon", {"08:00"}}}}}).errors, "type_invalid", "hours.mon[0]"));
  CHECK(has_error(read({{"hours", {{"mon", {{{"open", "8点"}, {"close", "20:00"}}}}}}}).errors, "time_invalid", "hours.mon[0].open"));
  CHECK(has_error(read({{"hours", {{"mon", {{{"open", "08:00"}, {"close", "24:30"}}}}}}}).errors, "time_invalid", "hours.mon[0].close"));
  CHECK(has_error(read({{"hours", {{"mon", {{{"open", "08:00"}, {"close", 20}}}}}}}).errors, "type_invalid", "hours.mon[0].close"));
  CHECK(has_error(read({{"hours", {{"mon", {{{"open", "08:00"}}}}}}}).errors, "required", "hours.mon[0].close"));
  CHECK(has_error(read({{"hours", {{"tue", {{{"open", "08:00"}, {"close", "20:00"}, {"note", "x"}}}}}}}).errors, "field_unknown",
                  "hours.tue[0].note"));
  CHECK(has_error(read({{"hours", {{"mon", {{{"open", "24:00"}, {"close", "06:00"}}}}}}}).errors, "time_invalid", "hours.mon[0].open"));
  CHECK(has_error(read({{"hours", {{"mon", {{{"open", "08:00"}, {"close", "08:00"}}}}}}}).errors, "interval_empty", "hours.mon[0]"));
  json seven = json::array();
  for (int i = 0; i < 7; ++i) seven.push_back({{"open", "0" + std::to_string(i) + ":00"}, {"close", "0" + std::to_string(i) + ":30"}});
  CHECK(has_error(read({{"hours", {{"mon", seven}}}}).errors, "too_many", "hours.mon"));
  CHECK(has_error(read({{"open_24h", "yes"}}).errors, "type_invalid", "open_24h"));
  CHECK(has_error(read({{"closed_dates", "2026-10-01"}}).errors, "type_invalid", "closed_dates"));
  CHECK(has_error(read({{"closed_dates", {"2026-10-01", "2026-02-30", 5}}}).errors, "date_invalid", "closed_dates[1]"));
  CHECK(has_error(read({{"closed_dates", {"2026-10-01", "2026-02-30", 5}}}).errors, "date_invalid", "closed_dates[2]"));
  CHECK(has_error(read({{"closed_dates", json::array()}}).errors, "too_many", "closed_dates") == false);
  json many = json::array();
  for (int i = 0; i < 401; ++i) many.push_back("2026-01-01");
  CHECK(has_error(read({{"closed_dates", many}}).errors, "too_many", "closed_dates"));
  // null means "none", as for every field.
  CHECK(read({{"hours", nullptr}, {"closed_dates", nullptr}}).errors.empty());
}

}
