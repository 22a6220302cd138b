// Insurance and health: the district's union-paid health insurance (健康保险) with a quota of
// places, 城南街道's accident insurance, and the 流动体检车's slots with bookings (a past slot
// with attendance, coming ones filling up).
#include <algorithm>

#include "core/civil_time.h"
#include "core/demo/world.h"

namespace nx::demo {

namespace {

void plan(World& w, const DemoUnit& unit, const char* name, const char* type, int quota, double share, int logins) {
  const std::string plan_id = w.dice.uuid();
  if (!w.create(unit.staff, "insurance_plan", plan_id,
                {{"name", name}, {"plan_type", type}, {"unit_id", unit.id}, {"quota", quota},
                 {"period_start", w.date_at(-30)}, {"period_end", w.date_at(335)},
                 {"description", "工会出资，会籍有效的新就业形态劳动者会员可参加，名额有限"}},
                w.at_day(-35, 10)))
    return;
  int enrolled = 0, seen = 0;
  for (const DemoWorker& wk : w.workers) {
    if (w.failed() || enrolled >= quota) return;
    if (wk.member_id.empty()) continue;
    const bool login = seen++ < logins;
    if (!login && !w.dice.chance(share)) continue;
    const Actor self{wk.user_id, Role::Worker, "", ""};
    const int day = -w.dice.between(0, 29);
    const int hour = w.dice.between(8, 22);
    const std::int64_t at = std::max(wk.joined_ms + kHourMs, w.at_day(day, hour));
    if (at >= w.options.now_ms) continue;
    const std::string id = w.dice.uuid();
    if (!w.create(self, "insurance_enrolment", id,
                  {{"plan_id", plan_id}, {"member_id", wk.member_id}, {"owner_id", wk.user_id}, {"unit_id", unit.id}}, at))
      return;
    ++enrolled;
    if (!login && w.dice.chance(0.04))
      w.step(self, "insurance_enrolment", id, "withdraw", {{"reason", "已有单位购买的商业保险"}},
             std::min(at + 2 * kDayMs, w.options.now_ms));
  }
}

void slot(World& w, const DemoUnit& unit, const char* place, const char* address, int day, const char* start,
          const char* end, int capacity, int bookings, int logins) {
  capacity = std::min(capacity, 2000);  // kMaxSlotCapacity: a bigger visit is several slots
  bookings = std::min(bookings, capacity);
  const std::string slot_id = w.dice.uuid();
  if (!w.create(unit.staff, "health_check_slot", slot_id,
                {{"unit_id", unit.id}, {"place", place}, {"address", address}, {"date", w.date_at(day)},
                 {"start_time", start}, {"end_time", end}, {"capacity", capacity},
                 {"note", "流动体检车：血压、血糖、心电图、腰椎检查，请空腹"}},
                w.at_day(std::min(day, 0) - 12, 9)))
    return;
  int booked = 0, seen = 0;
  for (const DemoWorker& wk : w.workers) {
    if (w.failed() || booked >= bookings) return;
    if (wk.member_id.empty()) continue;
    const bool login = seen++ < logins;
    if (!login && !w.dice.chance(0.3)) continue;
    const std::int64_t at = std::max(wk.joined_ms + kHourMs, w.at_day(std::min(day, 0) - w.dice.between(1, 10), 20));
    if (at >= std::min(w.at_day(day, 7), w.options.now_ms)) continue;
    const Actor self{wk.user_id, Role::Worker, "", ""};
    const std::string id = w.dice.uuid();
    if (!w.create(self, "health_check_booking", id, {{"slot_id", slot_id}, {"owner_id", wk.user_id}, {"unit_id", unit.id}}, at))
      return;
    ++booked;
    if (day < 0) w.step(unit.staff, "health_check_booking", id, w.dice.chance(0.85) ? "attend" : "no_show", json::object(),
                        w.at_day(day, 12));
    else if (!login && w.dice.chance(0.08))
      w.step(self, "health_check_booking", id, "cancel", json::object(), std::min(at + kDayMs, w.options.now_ms));
  }
}

}  // namespace

void make_insurance_and_health(World& w) {
  const int k = w.scale() ? std::max(1, w.options.members / 300) : 1;
  // The seed's district insured 1500多名 workers. In scale mode each street and town also
  // buys accident insurance, so no single plan holds tens of thousands of enrolments (the
  // quota check counts a plan's enrolments on every enrolment: one huge plan is quadratic).
  const std::string year = civil::format_date(civil::to_china_local(w.options.now_ms).date).substr(0, 4);
  plan(w, w.unit("district"), (year + " 年新就业形态劳动者健康保险").c_str(), "health", std::min(150 * k, 1600), 0.55, 3);
  plan(w, w.unit("town:chengnan"), "城南街道户外劳动者意外伤害险", "accident", std::min(40 * k, 1200), 0.2, 0);
  if (w.scale())
    for (const char* town : {"town:chengdong", "town:chengxi", "town:chengzhong", "town:chengbei", "town:jingtailu",
                             "town:hongqi", "town:jiulong", "town:gangyang", "town:suchen", "town:huagang"}) {
      DemoUnit& u = w.unit(town);
      plan(w, u, (u.name.substr(0, u.name.rfind("总工会")) + "职工意外伤害险").c_str(), "accident", std::min(20 * k, 1200), 0.1, 0);
    }
  const DemoUnit& district = w.unit("district");
  slot(w, w.unit("town:chengnan"), "城南街道南苑社区爱心驿站", "泰州市海陵区南苑路 5 号", -5, "08:30", "11:30", 30 * k, 26 * k, 1);
  slot(w, w.unit("town:jingtailu"), "京泰路街道物流园驿站", "泰州市海陵区京泰路 399 号", 7, "08:00", "11:30", 40 * k, 34 * k, 0);
  slot(w, w.unit("town:jingtailu"), "京泰路街道物流园驿站", "泰州市海陵区京泰路 399 号", 7, "14:00", "17:00", 40 * k, 12 * k, 0);
  slot(w, district, "海陵区职工服务中心", "泰州市海陵区鼓楼南路 288 号", 10, "08:30", "11:30", 60 * k, 20 * k, 2);
}

}  // namespace nx::demo
