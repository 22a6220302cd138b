#pragma once
// Calendar arithmetic without a time-zone database: the union works in China Standard Time
// (UTC+8, no daylight saving), so local time is UTC + 8 h everywhere in the app.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nx::civil {

struct Date {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
  auto operator<=>(const Date&) const = default;
};

inline constexpr int kChinaUtcOffsetMinutes = 8 * 60;

bool is_leap(int year);
int days_in_month(int year, int month);
bool is_valid(const Date& d);

// Days since 1970-01-01 and back (proleptic Gregorian).
std::int64_t to_days(const Date& d);
Date from_days(std::int64_t days);

// 0 = Monday ... 6 = Sunday.
int weekday(const Date& d);

std::optional<Date> parse_date(std::string_view s);  // YYYY-MM-DD
std::string format_date(const Date& d);

// "HH:MM" to minutes after midnight; "24:00" is 1440 (closing at midnight).
std::optional<int> parse_time_of_day(std::string_view s);
std::string format_time_of_day(int minutes);

// ISO 8601 with a zone ("2026-11-29T08:30:00Z", "...+08:00") to Unix milliseconds.
std::optional<std::int64_t> parse_datetime_ms(std::string_view s);
// Unix milliseconds as UTC ISO 8601 ("2026-11-29T00:30:00Z").
std::string format_datetime_utc(std::int64_t unix_ms);
// The same to the millisecond ("2026-11-29T00:30:00.250Z"): where order within a second counts.
std::string format_datetime_utc_ms(std::int64_t unix_ms);

// A moment as China local date and minute of day.
struct LocalTime {
  Date date;
  int minute = 0;  // 0-1439
};
LocalTime to_china_local(std::int64_t unix_ms);
// The China date of a moment as days since 1970-01-01 (to_days of to_china_local's date):
// for "a week from today" and for what changes only when the day does.
std::int64_t china_day(std::int64_t unix_ms);
std::int64_t from_china_local(const Date& d, int minute);

}  // namespace nx::civil
