// The 16 户外劳动者驿站 of the district, each kept by the staff of its street or town union:
// varied amenities and hours (24 h, overnight for night riders, daytime with holidays off),
// one temporarily closed for repair.
#include <array>
#include <string_view>

#include "core/demo/names.h"
#include "core/demo/world.h"

namespace nx::demo {

namespace {

enum class Hours { Always, Overnight, Daytime, Weekdays };

struct StationSpec {
  std::string_view name, unit, address;
  double lat, lng;
  Hours hours;
};

constexpr std::array<StationSpec, 16> kStations = {{
    {"海陵区职工服务中心户外劳动者服务站", "district", "泰州市海陵区鼓楼南路 288 号", 32.4885, 119.9108, Hours::Always},
    {"城东街道东进路户外劳动者驿站", "town:chengdong", "泰州市海陵区东进东路 66 号", 32.4951, 119.9437, Hours::Overnight},
    {"城东街道凤凰路驿站", "town:chengdong", "泰州市海陵区凤凰东路 17 号", 32.4868, 119.9522, Hours::Daytime},
    {"城西街道海军东路驿站", "town:chengxi", "泰州市海陵区海军东路 109 号", 32.4917, 119.8905, Hours::Daytime},
    {"城西街道济川路驿站", "town:chengxi", "泰州市海陵区济川路 88 号", 32.4802, 119.8786, Hours::Weekdays},
    {"城中街道坡子街驿站", "town:chengzhong", "泰州市海陵区坡子街 12 号", 32.4899, 119.9183, Hours::Always},
    {"城中街道凤城河畔驿站", "town:chengzhong", "泰州市海陵区凤城河路 18 号", 32.4849, 119.9250, Hours::Daytime},
    {"城南街道南苑社区爱心驿站", "town:chengnan", "泰州市海陵区南苑路 5 号南苑社区服务中心一楼", 32.4703, 119.9196,
     Hours::Overnight},
    {"城南街道春晖路驿站", "town:chengnan", "泰州市海陵区春晖路 201 号", 32.4652, 119.9301, Hours::Daytime},
    {"城北街道迎春路驿站", "town:chengbei", "泰州市海陵区迎春西路 36 号", 32.5106, 119.9132, Hours::Weekdays},
    {"京泰路街道物流园驿站", "town:jingtailu", "泰州市海陵区京泰路 399 号海陵物流园 2 号门", 32.5213, 119.9402,
     Hours::Always},
    {"红旗街道青年路驿站", "town:hongqi", "泰州市海陵区青年北路 158 号", 32.4998, 119.9027, Hours::Daytime},
    {"九龙镇集镇驿站", "town:jiulong", "泰州市海陵区九龙镇龙城路 21 号", 32.5412, 119.8671, Hours::Daytime},
    {"罡杨镇为民服务中心驿站", "town:gangyang", "泰州市海陵区罡杨镇罡杨路 8 号", 32.5368, 119.9688, Hours::Weekdays},
    {"苏陈镇驿站", "town:suchen", "泰州市海陵区苏陈镇苏陈路 46 号", 32.5289, 119.9771, Hours::Daytime},
    {"华港镇驿站", "town:huagang", "泰州市海陵区华港镇港口路 3 号", 32.4589, 119.8893, Hours::Overnight},
}};

// Amenities every station has, and the ones that vary.
constexpr std::array<std::string_view, 3> kBasic = {"drinking_water", "rest", "charging"};
constexpr std::array<std::string_view, 8> kExtra = {"heating", "cooling",   "reading", "microwave",
                                                    "toilet",  "first_aid", "hot_compress", "shelter"};

json interval(std::string_view open, std::string_view close) { return {{"open", open}, {"close", close}}; }

void set_hours(World& w, Hours kind, json& f) {
  f["open_24h"] = kind == Hours::Always;
  json hours = json::object();
  const std::array<std::string_view, 7> days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (std::size_t d = 0; d < days.size(); ++d) {
    const std::string day(days[d]);
    switch (kind) {
      case Hours::Always: break;
      // Night riders deliver late: open through the evening and past midnight.
      case Hours::Overnight: hours[day] = json::array({interval("06:30", "11:00"), interval("16:00", "02:00")}); break;
      case Hours::Daytime: hours[day] = json::array({interval(d < 5 ? "07:30" : "08:30", "20:30")}); break;
      case Hours::Weekdays:
        if (d < 5) hours[day] = json::array({interval("08:00", "12:00"), interval("13:30", "18:00")});
        break;
    }
  }
  if (kind != Hours::Always) f["hours"] = hours;
  if (kind == Hours::Daytime || kind == Hours::Weekdays) {
    // National Day and the first of the year off; a few stations also close for the Dragon Boat holiday.
    json closed = json::array({"2026-10-01", "2026-10-02", "2026-10-03"});
    if (w.dice.chance(0.5)) closed.push_back("2026-06-19");
    f["closed_dates"] = closed;
  }
}

}  // namespace

void make_stations(World& w) {
  const std::int64_t opened = w.at_day(-90, 10);
  for (std::size_t i = 0; i < kStations.size(); ++i) {
    const StationSpec& s = kStations[i];
    const DemoUnit& u = w.unit(std::string(s.unit));
    json amenities = json::array();
    for (std::string_view a : kBasic) amenities.push_back(a);
    // Summer: the showcase and the 24 h stations all cool.
    const bool must_cool = i == 0 || s.hours == Hours::Always;
    for (std::string_view a : kExtra)
      if (w.dice.chance(0.55) || (must_cool && a == "cooling")) amenities.push_back(a);
    json f = {{"name", s.name},
              {"unit_id", u.id},
              {"address", s.address},
              {"lat", s.lat},
              {"lng", s.lng},
              {"phone", landline(w.dice)},
              {"amenities", amenities},
              {"status", "open"},
              {"contact_name", person_name(w.dice)}};
    set_hours(w, s.hours, f);
    const std::string id = w.dice.uuid();
    if (!w.create(u.staff, "station", id, f, opened + static_cast<std::int64_t>(i) * kHourMs)) return;
    w.station_ids.push_back(id);
    w.station_names.emplace_back(s.name);
  }
  // One station is shut for a few days while its air conditioner is replaced.
  const std::size_t closed = 12;
  if (!w.create(w.unit(std::string(kStations[closed].unit)).staff, "station", w.station_ids[closed],
                {{"status", "temporarily_closed"}, {"status_note", "空调检修，预计 7 月 5 日恢复开放"}}, w.at_day(-2, 8)))
    return;
}

}  // namespace nx::demo
