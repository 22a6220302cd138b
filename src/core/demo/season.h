#pragma once
// The season the demo's handout campaign belongs to, from the demo's "now": 夏送清凉 from May
// to September, 冬送温暖 otherwise. The server seeds its demo at today's date, so whoever runs
// it sees a campaign running and events coming, named for the weather outside.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace nx::demo {

struct Season {
  std::string year;                          // "2026"
  std::string_view campaign;                 // 夏送清凉 / 冬送温暖
  std::string_view category;                 // summer_cooling / winter_warmth (campaign and event)
  std::array<std::string_view, 6> items;     // what stations hand out
  std::string_view event_title;              // the stations' event, after "<year> <campaign> · "
  std::string_view event_description;
  std::string_view announcement;             // the announcement's body
};

Season season_of(std::int64_t now_ms);

}  // namespace nx::demo
