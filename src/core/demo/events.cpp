// Events with sessions and sign-ups: the season's handout at the stations (one past session with check-ins
// and no-shows, one full with a waitlist and a promotion), the 8+X 综合服务集市, a traffic-safety
// talk and the children's summer study trip (子女暑期研学). Workers sign themselves up; staff
// check people in on the day.
#include <algorithm>
#include <string_view>

#include "core/demo/season.h"
#include "core/demo/world.h"

namespace nx::demo {

namespace {

struct SessionPlan {
  int day;  // days from today
  int start_h, end_h;
  int capacity;
  int signups;  // how many try to sign up (above capacity: a waitlist)
  std::string place;
};

std::vector<const DemoWorker*> members_of(const World& w) {
  std::vector<const DemoWorker*> out;
  for (const DemoWorker& wk : w.workers)
    if (!wk.member_id.empty()) out.push_back(&wk);
  return out;
}

// Creates, publishes and fills one event. The first `logins` members sign up first, so the
// worker logins have registrations.
void run_event(World& w, const DemoUnit& unit, json event, const std::vector<SessionPlan>& plans, int logins) {
  const std::string event_id = w.dice.uuid();
  event["unit_id"] = unit.id;
  const int first_day = std::min_element(plans.begin(), plans.end(), [](const SessionPlan& a, const SessionPlan& b) {
                          return a.day < b.day;
                        })->day;
  const std::int64_t made = w.at_day(std::min(first_day, 0) - 14, 10);
  if (!w.create(unit.staff, "event", event_id, event, made)) return;
  std::vector<std::string> session_ids;
  for (const SessionPlan& p : plans) {
    session_ids.push_back(w.dice.uuid());
    json s = {{"event_id", event_id}, {"unit_id", unit.id}, {"date", w.date_at(p.day)},
              {"start", (p.start_h < 10 ? "0" : "") + std::to_string(p.start_h) + ":00"},
              {"end", (p.end_h < 10 ? "0" : "") + std::to_string(p.end_h) + ":00"}, {"capacity", p.capacity}};
    if (!p.place.empty()) s["place"] = p.place;
    if (!w.create(unit.staff, "event_session", session_ids.back(), s, made + kHourMs)) return;
  }
  if (!w.step(unit.staff, "event", event_id, "publish", json::object(), made + 2 * kHourMs)) return;

  const std::vector<const DemoWorker*> members = members_of(w);
  for (std::size_t si = 0; si < plans.size() && !w.failed(); ++si) {
    const SessionPlan& p = plans[si];
    const std::int64_t session_start = w.at_day(p.day, p.start_h);
    std::vector<std::string> regs;
    std::vector<bool> waitlisted;
    std::set<std::string> taken;
    for (int n = 0; n < p.signups && n < static_cast<int>(members.size()); ++n) {
      const DemoWorker* wk = n < logins ? members[static_cast<std::size_t>(n)] : w.dice.pick(members);
      if (!taken.insert(wk->member_id).second || wk->joined_ms >= std::min(session_start, w.options.now_ms) - kHourMs) continue;
      const Actor self{wk->user_id, Role::Worker, "", ""};
      const std::int64_t at = std::max(wk->joined_ms, made + 3 * kHourMs) + (n + 1) * 7 * kMinuteMs;
      const std::string id = w.dice.uuid();
      const sync::Record* r = w.create(self, "registration", id,
                                       {{"event_id", event_id}, {"session_id", session_ids[si]}, {"unit_id", unit.id},
                                        {"member_id", wk->member_id}, {"owner_id", wk->user_id}},
                                       std::min(at, std::min(session_start, w.options.now_ms) - kMinuteMs));
      if (!r) return;
      regs.push_back(id);
      waitlisted.push_back(r->str("status") == "waitlisted");
    }
    if (p.day < 0) {
      // A past session: most came and were checked in on the spot, the rest are no-shows.
      for (std::size_t k = 0; k < regs.size(); ++k) {
        if (waitlisted[k]) continue;
        if (w.dice.chance(0.85))
          w.step(unit.staff, "registration", regs[k], "check_in", json::object(),
                 session_start - 45 * kMinuteMs +
                     static_cast<std::int64_t>(k) * ((p.end_h - p.start_h) * kHourMs) / static_cast<std::int64_t>(regs.size()));
        else
          w.step(unit.staff, "registration", regs[k], "no_show", json::object(), w.at_day(p.day, p.end_h) + kHourMs);
      }
    } else if (std::count(waitlisted.begin(), waitlisted.end(), true) > 1) {
      // Someone with a seat drops out; staff promote the first on the waitlist.
      auto seat = std::find(waitlisted.begin(), waitlisted.end(), false);
      const std::size_t k = static_cast<std::size_t>(seat - waitlisted.begin());
      const sync::Record* r = w.out.records.get("registration", regs[k]);
      if (!r) return;
      const Actor owner{r->str("owner_id"), Role::Worker, "", ""};
      w.step(owner, "registration", regs[k], "cancel", {{"cancel_reason", "那天要跑单，来不了"}}, w.options.now_ms - 3 * kHourMs);
      auto first = std::find(waitlisted.begin(), waitlisted.end(), true);
      w.step(unit.staff, "registration", regs[static_cast<std::size_t>(first - waitlisted.begin())], "promote", json::object(),
             w.options.now_ms - 2 * kHourMs);
    }
  }
}

}  // namespace

void make_events(World& w) {
  // Scale mode: bigger sessions, up to ten times (a sign-up counts its session's registrations,
  // so one session of tens of thousands would make generating quadratic).
  const int k = w.scale() ? std::clamp(w.options.members / 400, 1, 10) : 1;
  const DemoUnit& district = w.unit("district");
  const Season season = season_of(w.options.now_ms);
  run_event(w, district,
            {{"title", season.year + " " + std::string(season.campaign) + " · " + std::string(season.event_title)},
             {"category", season.category}, {"description", season.event_description}, {"place", "海陵区职工服务中心户外劳动者服务站"}},
            {{-5, 9, 11, 40 * k, 36 * k, "城南街道南苑社区爱心驿站"},
             {2, 15, 17, 30 * k, 36 * k, "城中街道坡子街驿站"},
             {7, 9, 11, 50 * k, 20 * k, "京泰路街道物流园驿站"}},
            4);
  run_event(w, district,
            {{"title", "“红心向党 暖新同行” 8+X 综合服务集市"}, {"category", "service_fair"},
             {"description", "流动体检车、法律咨询、入会登记、技能培训报名，一站式服务"}, {"place", "海陵区鼓楼广场"}},
            {{10, 9, 16, 200 * k, 70 * k, ""}}, 2);
  run_event(w, w.unit("town:chengnan"),
            {{"title", "交通安全宣讲：电动车骑行安全"}, {"category", "talk"}, {"topic", "safety"},
             {"place", "城南街道南苑社区爱心驿站"}},
            {{4, 19, 21, 50 * k, 30 * k, ""}}, 0);
  run_event(w, district,
            {{"title", "新业态劳动者子女暑期研学 · 走进泰州科技馆"}, {"category", "study_trip"},
             {"description", "为新就业形态劳动者子女提供暑期研学机会，每户限报一名孩子"}, {"place", "泰州科技馆"}},
            {{14, 8, 16, 25 * k, 28 * k, ""}}, 1);
  run_event(w, w.unit("town:chengdong"),
            {{"title", "工伤预防宣讲与急救培训"}, {"category", "talk"}, {"topic", "first_aid"},
             {"place", "城东街道东进路户外劳动者驿站"}},
            {{-12, 14, 16, 40 * k, 30 * k, ""}}, 0);
}

}  // namespace nx::demo
