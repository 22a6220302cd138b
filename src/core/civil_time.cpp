#include "core/civil_time.h"

#include <charconv>
#include <cstdio>

namespace nx::civil {

namespace {
// Reads exactly `n` digits at s[pos]; -1 if they are not all digits.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool is_valid(const Date& d) {
  return d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t to_days(const Date& d) {
  const int y = d.year - (d.month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int weekday(const Date& d) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(((to_days(d) % 7) + 7 + 3) % 7);
}

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const Date d{digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2)};
  if (!is_valid(d)) return std::nullopt;
  return d;
}

std::string format_date(const Date& d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<int> parse_time_of_day(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  const int h = digits(s, 0, 2), m = digits(s, 3, 2);
  if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string format_time_of_day(int minutes) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::optional<std::int64_t> parse_datetime_ms(std::string_view s) {
  // YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)
  if (s.size() < 17) return std::nullopt;
  const auto date = parse_date(s.substr(0, 10));
  if (!date || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  const int h = digits(s, 11, 2), mi = digits(s, 14, 2);
  if (s[13] != ':' || h < 0 || h > 23 || mi < 0 || mi > 59) return std::nullopt;
  std::size_t pos = 16;
  int sec = 0, ms = 0;
  if (pos < s.size() && s[pos] == ':') {
    sec = digits(s, pos + 1, 2);
    if (sec < 0 || sec > 59) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      std::size_t n = 0;
      ++pos;
      while (pos + n < s.size() && s[pos + n] >= '0' && s[pos + n] <= '9') ++n;
      if (n == 0 || n > 9) return std::nullopt;
      ms = digits(s, pos, n < 3 ? n : 3);
      for (std::size_t k = n; k < 3; ++k) ms *= 10;
      pos += n;
    }
  }
  int offset_min = 0;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    const int oh = digits(s, pos + 1, 2), om = digits(s, pos + 4, 2);
    if (pos + 6 > s.size() || s[pos + 3] != ':' || oh < 0 || oh > 14 || om < 0 || om > 59) return std::nullopt;
    offset_min = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
    pos += 6;
  } else {
    return std::nullopt;  // a moment without a zone is ambiguous across devices
  }
  if (pos != s.size()) return std::nullopt;
  const std::int64_t minutes = to_days(*date) * 1440 + h * 60 + mi - offset_min;
  return (minutes * 60 + sec) * 1000 + ms;
}

std::string format_datetime_utc_ms(std::int64_t unix_ms) {
  std::string text = format_datetime_utc(unix_ms);
  char ms[8];
  std::snprintf(ms, sizeof ms, ".%03dZ", static_cast<int>(unix_ms - floor_div(unix_ms, 1000) * 1000));
  text.replace(text.size() - 1, 1, ms);
  return text;
}

std::string format_datetime_utc(std::int64_t unix_ms) {
  const std::int64_t secs = floor_div(unix_ms, 1000);
  const std::int64_t days = floor_div(secs, 86400);
  const std::int64_t rem = secs - days * 86400;
  const Date d = from_days(days);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60));
  return buf;
}

LocalTime to_china_local(std::int64_t unix_ms) {
  const std::int64_t minutes = floor_div(unix_ms, 60000) + kChinaUtcOffsetMinutes;
  const std::int64_t days = floor_div(minutes, 1440);
  return LocalTime{from_days(days), static_cast<int>(minutes - days * 1440)};
}

std::int64_t china_day(std::int64_t unix_ms) {
  return floor_div(floor_div(unix_ms, 60000) + kChinaUtcOffsetMinutes, 1440);
}

std::int64_t from_china_local(const Date& d, int minute) {
  return (to_days(d) * 1440 + minute - kChinaUtcOffsetMinutes) * 60000;
}

}  // namespace nx::civil
