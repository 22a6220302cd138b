#include "core/services/opening_hours.h"

#include <algorithm>
#include <utility>

namespace nx::services {

using nlohmann::json;

namespace {

Error type_error(const std::string& field, Msg expected) {
  return catalog_error("type_invalid", field, Msg::ErrExpected, {expected});
}

Error time_error(const std::string& field) {
  return catalog_error("time_invalid", field, Msg::ErrTimesLookLike0830);
}

std::optional<int> read_time(json_in::Reader& r, const json& obj, const char* key, const std::string& where) {
  const std::string field = where + "." + key;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    r.add(required_error(field));
    return std::nullopt;
  }
  if (!it->is_string()) {
    r.add(type_error(field, Msg::TypeTime));
    return std::nullopt;
  }
  auto minutes = civil::parse_time_of_day(it->get_ref<const std::string&>());
  if (!minutes) r.add(time_error(field));
  return minutes;
}

void read_day(json_in::Reader& r, const json& list, const std::string& field, std::vector<Interval>& out) {
  if (!list.is_array()) {
    r.add(type_error(field, Msg::TypeIntervalList));
    return;
  }
  if (list.size() > kMaxIntervalsPerDay) {
    r.add(catalog_error("too_many", field, Msg::ErrAtMostIntervalsADay, {std::to_string(kMaxIntervalsPerDay)}));
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = field + "[" + std::to_string(i) + "]";
    const json& item = list[i];
    if (!item.is_object()) {
      r.add(type_error(where, Msg::TypeInterval));
      continue;
    }
    for (const auto& [key, _] : item.items())
      if (key != "open" && key != "close")
        r.add(catalog_error("field_unknown", where + "." + key, Msg::ErrAnIntervalHasOnlyOpenAnd));
    auto open = read_time(r, item, "open", where);
    auto close = read_time(r, item, "close", where);
    if (!open || !close) continue;
    if (*open == 24 * 60) {
      r.add(catalog_error("time_invalid", where + ".open", Msg::ErrOpeningAt2400Is00));
      continue;
    }
    if (*open == *close) {
      r.add(catalog_error("interval_empty", where, Msg::ErrOpeningAndClosingTimesAreThe));
      continue;
    }
    out.push_back(Interval{*open, *close});
  }
}

}  // namespace

OpeningHours read_opening_hours(json_in::Reader& r, const json& fields) {
  OpeningHours hours;
  if (!fields.is_object()) return hours;
  if (auto b = r.boolean("open_24h")) hours.always_open = *b;

  if (auto it = fields.find("hours"); it != fields.end() && !it->is_null()) {
    if (!it->is_object()) {
      r.add(type_error("hours", Msg::TypeWeeklyHours));
    } else {
      for (const auto& [key, list] : it->items()) {
        auto day = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), key);
        if (day == kWeekdayKeys.end()) {
          r.add(catalog_error("field_unknown", "hours." + key, Msg::ErrWeekdaysAreMonTueWedThu));
          continue;
        }
        read_day(r, list, "hours." + key, hours.week[static_cast<std::size_t>(day - kWeekdayKeys.begin())]);
      }
    }
  }

  if (auto it = fields.find("closed_dates"); it != fields.end() && !it->is_null()) {
    if (!it->is_array()) {
      r.add(type_error("closed_dates", Msg::TypeDateList));
    } else if (it->size() > kMaxClosedDates) {
      r.add(catalog_error("too_many", "closed_dates", Msg::ErrAtMostClosedDates, {std::to_string(kMaxClosedDates)}));
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        const json& item = (*it)[i];
        const std::string where = "closed_dates[" + std::to_string(i) + "]";
        auto date = item.is_string() ? civil::parse_date(item.get_ref<const std::string&>()) : std::nullopt;
        if (!date) {
          r.add(catalog_error("date_invalid", where, Msg::ErrDatesLookLike20261001));
          continue;
        }
        hours.closed_dates.push_back(*date);
      }
      std::sort(hours.closed_dates.begin(), hours.closed_dates.end());
      hours.closed_dates.erase(std::unique(hours.closed_dates.begin(), hours.closed_dates.end()), hours.closed_dates.end());
    }
  }
  return hours;
}

void write_opening_hours(const OpeningHours& hours, json& fields) {
  json week = json::object();
  for (std::size_t d = 0; d < hours.week.size(); ++d) {
    if (hours.week[d].empty()) continue;
    json list = json::array();
    for (const Interval& iv : hours.week[d])
      list.push_back({{"open", civil::format_time_of_day(iv.open)}, {"close", civil::format_time_of_day(iv.close)}});
    week[std::string(kWeekdayKeys[d])] = std::move(list);
  }
  json dates = json::array();
  for (const civil::Date& d : hours.closed_dates) dates.push_back(civil::format_date(d));
  fields["hours"] = std::move(week);
  fields["open_24h"] = hours.always_open;
  fields["closed_dates"] = std::move(dates);
}

namespace {

// Open spans in minutes from the start of `day`, from the day before (its overnight tail)
// to kLookaheadDays + 1 after, touching spans joined ("00:00"-"24:00" on two days is one).
std::vector<std::pair<int, int>> spans_around(const OpeningHours& hours, const civil::Date& day) {
  std::vector<std::pair<int, int>> spans;
  const std::int64_t base = civil::to_days(day);
  for (int k = -1; k <= kLookaheadDays + 1; ++k) {
    const civil::Date d = civil::from_days(base + k);
    if (std::binary_search(hours.closed_dates.begin(), hours.closed_dates.end(), d)) continue;
    const int start_of_day = k * 24 * 60;
    if (hours.always_open) {
      spans.emplace_back(start_of_day, start_of_day + 24 * 60);
      continue;
    }
    for (const Interval& iv : hours.week[static_cast<std::size_t>(civil::weekday(d))]) {
      const int close = iv.close > iv.open ? iv.close : 24 * 60 + iv.close;
      spans.emplace_back(start_of_day + iv.open, start_of_day + close);
    }
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<int, int>> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.first <= merged.back().second) merged.back().second = std::max(merged.back().second, s.second);
    else merged.push_back(s);
  }
  return merged;
}

}  // namespace

HoursAt hours_at(const OpeningHours& hours, const civil::LocalTime& t) {
  // Every opening that could touch the window [t, t + kLookaheadDays] is in the spans, so a
  // change found within the window is exact; one further out is not claimed.
  constexpr int kWindow = kLookaheadDays * 24 * 60;
  HoursAt at;
  for (const auto& [start, end] : spans_around(hours, t.date)) {
    if (start <= t.minute && t.minute < end) {
      at.open = true;
      if (end - t.minute <= kWindow) at.minutes_to_change = end - t.minute;
      return at;
    }
    if (start > t.minute) {
      if (start - t.minute <= kWindow) at.minutes_to_change = start - t.minute;
      return at;
    }
  }
  return at;
}

}  // namespace nx::services
