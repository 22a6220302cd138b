#pragma once
// Opening hours of a rest station. Per weekday a list of intervals "HH:MM"-"HH:MM"; an
// interval that ends before it starts runs past midnight into the next day (Sunday
// "22:00"-"02:00" is open on Monday at 01:00), and "00:00"-"24:00" is the whole day.
// A closed date (a holiday) cancels the openings that START on that date, overnight tail
// included, the way a shop's "closed on the 1st" is read; the tail of the evening before
// still runs into it. `open_24h` means every day, all day, except closed dates.
//
// Stored in a station's fields as
//   "hours": {"mon": [{"open": "08:00", "close": "20:00"}], "sun": [{"open": "22:00", "close": "02:00"}]}
//   "open_24h": false,  "closed_dates": ["2026-10-01"]
// A weekday that is not listed is a closed day.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "core/json_in.h"

namespace nx::services {

struct Interval {
  int open = 0;   // minutes after midnight, 0-1439
  int close = 0;  // 0-1440; before `open`: a minute of the next day (overnight)
  bool operator==(const Interval&) const = default;
};

struct OpeningHours {
  bool always_open = false;                   // 24 小时
  std::array<std::vector<Interval>, 7> week;  // 0 = Monday, as civil::weekday
  std::vector<civil::Date> closed_dates;      // sorted, no duplicates
  bool operator==(const OpeningHours&) const = default;
};

inline constexpr std::array<std::string_view, 7> kWeekdayKeys{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
inline constexpr std::size_t kMaxIntervalsPerDay = 6;
inline constexpr std::size_t kMaxClosedDates = 400;
// How far ahead "closes in" / "opens in" looks; beyond it the answer is "not this week".
inline constexpr int kLookaheadDays = 7;

// Reads "hours", "open_24h" and "closed_dates" from `fields`; each problem is added to `r`
// naming the exact place ("hours.sun[0].close").
OpeningHours read_opening_hours(json_in::Reader& r, const nlohmann::json& fields);
// Writes the three fields back into `fields` in the stored form.
void write_opening_hours(const OpeningHours& hours, nlohmann::json& fields);

struct HoursAt {
  bool open = false;
  // Minutes until it closes (when open) or opens (when closed); nullopt when that is not
  // within kLookaheadDays (always open, or no opening this week).
  std::optional<int> minutes_to_change;
};

// The hours at China local time `t`.
HoursAt hours_at(const OpeningHours& hours, const civil::LocalTime& t);

}  // namespace nx::services
