// Skill records on the 新八级工 ladder (certificates staff enter for members: a few climbed two
// rungs) and the six volunteer teams (6 支志愿服务小分队) with members who joined, and a few who left.
#include <array>
#include <string_view>

#include "core/demo/world.h"

namespace nx::demo {

namespace {

std::string_view skill_of(std::string_view trade) {
  if (trade == "delivery") return "网约配送员";
  if (trade == "courier") return "快递员";
  if (trade == "ride_hailing") return "网约车驾驶员";
  if (trade == "truck") return "道路货物运输驾驶员";
  return "";
}

struct TeamSpec {
  std::string_view name, focus, description;
};
constexpr std::array<TeamSpec, 6> kTeams = {{
    {"理论速递小分队", "theory", "骑手党员把党的声音送到站点"},
    {"创城创卫小分队", "civic", "文明城市创建中的随手拍与劝导"},
    {"特殊帮扶小分队", "special_care", "结对帮扶困难职工和孤寡老人"},
    {"爱心车队", "caring_fleet", "高考护航、就医接送"},
    {"直播助农小分队", "livestream_farm", "帮农户直播带货"},
    {"平安巡查小分队", "safety_patrol", "送单路上发现隐患随手报"},
}};

}  // namespace

void make_skills_and_volunteers(World& w) {
  constexpr std::array<std::string_view, 4> kLevels = {"apprentice", "junior", "intermediate", "senior"};
  int n = 0;
  for (const DemoWorker& wk : w.workers) {
    if (w.failed()) return;
    if (wk.member_id.empty() || skill_of(wk.trade).empty() || !w.dice.chance(0.18)) continue;
    const Actor& staff = w.staff_for(wk.unit_id);
    const int rungs = w.dice.chance(0.3) ? 2 : 1;
    std::size_t level = static_cast<std::size_t>(w.dice.between(0, 2));
    int year = w.dice.between(2021, 2024);
    for (int r = 0; r < rungs && level < kLevels.size(); ++r, ++level, ++year) {
      const std::string date = std::to_string(year) + "-" + (r == 0 ? "05" : "11") + "-1" + std::to_string(w.dice.between(0, 9));
      const std::string id = w.dice.uuid();
      const int entered_day = -w.dice.between(0, 20);
      w.create(staff, "skill_record", id,
               {{"member_id", wk.member_id}, {"unit_id", wk.unit_id}, {"skill", skill_of(wk.trade)}, {"trade", wk.trade},
                {"level", kLevels[level]}, {"certified_on", date}, {"issuer", "泰州市职业技能鉴定中心"},
                {"certificate_no", "TZ" + std::to_string(year) + std::to_string(100000 + ++n)}},
               std::max(wk.joined_ms + kHourMs, w.at_day(entered_day, 15)));
    }
  }

  const DemoUnit& district = w.unit("district");
  std::vector<std::string> teams;
  for (const TeamSpec& t : kTeams) {
    teams.push_back(w.dice.uuid());
    if (!w.create(district.staff, "volunteer_team", teams.back(),
                  {{"name", t.name}, {"focus", t.focus}, {"unit_id", district.id}, {"description", t.description}},
                  w.at_day(-100, 10)))
      return;
  }
  for (const DemoWorker& wk : w.workers) {
    if (w.failed()) return;
    if (wk.member_id.empty() || !w.dice.chance(0.12)) continue;
    const Actor self{wk.user_id, Role::Worker, "", ""};
    const std::string id = w.dice.uuid();
    const std::int64_t at = std::min(wk.joined_ms + w.dice.between(1, 20) * kDayMs, w.options.now_ms - kHourMs);
    if (!w.create(self, "volunteer_membership", id, {{"team_id", w.dice.pick(teams)}, {"owner_id", wk.user_id}}, at)) return;
    if (w.dice.chance(0.1)) w.step(self, "volunteer_membership", id, "leave", json::object(), std::min(at + kDayMs, w.options.now_ms));
  }
}

}  // namespace nx::demo
