// The season's campaign (夏送清凉 or 冬送温暖, see season.h) of the district and its 发放台账: street and town staff hand out at
// their stations, each member at most once; one line was voided (given to the wrong member)
// and the member was then served properly.
#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "core/demo/season.h"
#include "core/demo/world.h"

namespace nx::demo {

void make_campaign(World& w) {
  // One district campaign; in scale mode each street and town runs its own as well (the
  // ledger's double-claim check reads a campaign's whole ledger, so one giant campaign would
  // make generating quadratic), and a station hands out for the campaign of its own unit.
  const DemoUnit& district = w.unit("district");
  const Season season = season_of(w.options.now_ms);
  const auto& kItems = season.items;
  const std::string title = season.year + " " + std::string(season.campaign);
  std::map<std::string, std::string> campaign_of;  // unit id -> campaign id
  for (const std::string& station_id : w.station_ids) {
    const sync::Record* st = w.out.records.get("station", station_id);
    if (!st) return;
    const std::string unit_id = w.scale() ? st->str("unit_id") : district.id;
    if (campaign_of.count(unit_id)) continue;
    const DemoUnit* unit = w.unit_by_id(unit_id);
    if (!unit) return;
    const std::string id = w.dice.uuid();
    std::string area = unit->name;  // "城东街道总工会" -> "城东街道"
    if (const auto cut = area.rfind("总工会"); cut != std::string::npos) area.erase(cut);
    const std::string name = unit->id == district.id ? title : title + " · " + area;
    if (!w.create(unit->staff, "campaign", id,
                  {{"name", name}, {"category", season.category}, {"unit_id", unit->id},
                   {"items", kItems}, {"start_date", w.date_at(-16)}, {"end_date", w.date_at(60)},
                   {"note", "每人限领一次，在驿站或活动现场登记发放"}},
                  w.at_day(-20, 10)))
      return;
    campaign_of[unit_id] = id;
  }

  int line = 0;
  for (const DemoWorker& wk : w.workers) {
    if (w.failed()) return;
    if (wk.member_id.empty() || (line >= 2 && !w.dice.chance(0.45))) continue;
    std::size_t station = static_cast<std::size_t>(w.dice.between(0, static_cast<int>(w.station_ids.size()) - 1));
    const sync::Record* st = w.out.records.get("station", w.station_ids[station]);
    if (!st) return;
    const std::string giver_unit = st->str("unit_id");
    const std::string campaign_id = campaign_of[w.scale() ? giver_unit : district.id];
    const int day = -w.dice.between(0, 15);
    const int hour = w.dice.between(8, 17);
    const std::int64_t at = std::max(wk.joined_ms + kHourMs, w.at_day(day, hour));
    if (at >= w.options.now_ms) continue;
    json items = json::array();
    for (std::string_view it : kItems)
      if (w.dice.chance(0.5)) items.push_back(it);
    if (items.empty()) items.push_back(kItems[0]);
    const std::string id = w.dice.uuid();
    json f = {{"campaign_id", campaign_id}, {"member_id", wk.member_id}, {"unit_id", giver_unit},
              {"station_id", w.station_ids[station]}, {"items", items}, {"given_at", iso(at)},
              {"place", w.station_names[station]}, {"device", "station-pad-" + std::to_string(station + 1)}};
    const Actor& staff = w.staff_for(giver_unit);
    if (!w.create(staff, "handout", id, f, at)) return;
    if (line++ == 1) {
      // The wrong member was ticked off on the pad: void the line, then serve them properly.
      if (!w.step(staff, "handout", id, "void", {{"void_reason", "登记错了人，已更正"}}, at + 5 * kMinuteMs)) return;
      f["given_at"] = iso(at + 6 * kMinuteMs);
      w.create(staff, "handout", w.dice.uuid(), f, at + 6 * kMinuteMs);
    }
  }
}

}  // namespace nx::demo
