#include "core/civil_time.h"

#include <doctest/doctest.h>

using namespace nx::civil;

TEST_CASE("days since the epoch round-trip across centuries") {
  CHECK(to_days(Date{1970, 1, 1}) == 0);
  CHECK(to_days(Date{2000, 3, 1}) == 11017);
  for (std::int64_t d = -800000; d < 800000; d += 997) CHECK(to_days(from_days(d)) == d);
  CHECK(weekday(Date{2026, 11, 29}) == 6);  // a Sunday
  CHECK(weekday(Date{2026, 11, 30}) == 0);  // a Monday
}

TEST_CASE("leap years") {
  CHECK(is_leap(2024));
  CHECK_FALSE(is_leap(2100));
  CHECK(is_leap(2000));
  CHECK(days_in_month(2026, 2) == 28);
  CHECK(days_in_month(2028, 2) == 29);
}

TEST_CASE("ISO moments with zones") {
  const auto utc = parse_datetime_ms("2026-11-29T00:30:00Z");
  const auto cst = parse_datetime_ms("2026-11-29T08:30:00+08:00");
  REQUIRE(utc);
  REQUIRE(cst);
  CHECK(*utc == *cst);
  CHECK(parse_datetime_ms("2026-11-29T08:30+08:00") == cst);
  CHECK(parse_datetime_ms("2026-11-29T00:30:00.250Z") == *utc + 250);
  CHECK(format_datetime_utc(*utc) == "2026-11-29T00:30:00Z");
  CHECK(format_datetime_utc_ms(*utc + 250) == "2026-11-29T00:30:00.250Z");
  CHECK(format_datetime_utc_ms(-1) == "1969-12-31T23:59:59.999Z");
  CHECK(parse_datetime_ms(format_datetime_utc_ms(*utc + 7)) == *utc + 7);
  CHECK_FALSE(parse_datetime_ms("2026-11-29T24:00:00Z"));
  CHECK_FALSE(parse_datetime_ms("2026-11-29T08:30:00+08:00junk"));
}

TEST_CASE("China local time is UTC+8 across midnight") {
  const auto ms = *parse_datetime_ms("2026-11-29T17:30:00Z");  // 01:30 on the 30th in China
  const LocalTime local = to_china_local(ms);
  CHECK(local.date == Date{2026, 11, 30});
  CHECK(local.minute == 90);
  CHECK(from_china_local(local.date, local.minute) == ms);
  CHECK(china_day(ms) == to_days(Date{2026, 11, 30}));
  CHECK(china_day(ms - 90 * 60000) == to_days(Date{2026, 11, 30}));      // midnight in China
  CHECK(china_day(ms - 90 * 60000 - 1) == to_days(Date{2026, 11, 29}));  // a moment before it
  CHECK(china_day(*parse_datetime_ms("1969-12-31T15:59:59Z")) == -1);    // before 1970 in China
}

TEST_CASE("times of day") {
  CHECK(parse_time_of_day("00:00") == 0);
  CHECK(parse_time_of_day("23:59") == 1439);
  CHECK(parse_time_of_day("24:00") == 1440);
  CHECK_FALSE(parse_time_of_day("24:30"));
  CHECK_FALSE(parse_time_of_day("7:00"));
  CHECK(format_time_of_day(450) == "07:30");
  CHECK(parse_date("2026-07-01") == Date{2026, 7, 1});
  CHECK(format_date(Date{2026, 7, 1}) == "2026-07-01");
}
