// Staff field work: the quarterly 主席大走访 of company unions, 一对一跟车体验式调研 ride-alongs and
// a 六个一 survey, with what the workers raised (急难愁盼) and follow-up actions: some done, some
// open and on time, some overdue, one cancelled.
#include <array>
#include <string_view>

#include "core/demo/world.h"

namespace nx::demo {

namespace {

struct Concern {
  std::string_view category, text, action;
};

constexpr std::array<Concern, 10> kConcerns = {{
    {"rest", "站点附近中午没有地方歇脚，夏天太热", "协调在站点旁增设临时歇脚点并配饮水机"},
    {"pay", "恶劣天气补贴标准不清楚，骑手不知道怎么算", "约合作商负责人就恶劣天气补贴开展协商"},
    {"safety", "东进路路口电动车事故多，希望加强安全培训", "联系交警大队开展一次电动车安全宣讲"},
    {"insurance", "众包骑手不清楚自己有没有工伤保障", "在驿站张贴职业伤害保障政策说明并现场讲解"},
    {"rest", "夜里送单回来驿站已经关门", "推动驿站延长夜间开放时间到凌晨 2 点"},
    {"pay", "快递派费被层层克扣", "向区快递行业工会反映，推动派费集体协商"},
    {"other", "孩子暑假没人照看", "把子女暑期研学名额向该站点倾斜"},
    {"safety", "货车司机长途疲劳驾驶，服务区休息不够", "协调物流园设置司机休息室"},
    {"insurance", "希望工会的健康保险能覆盖家属", "向区总工会反映，研究下一年度方案"},
    {"other", "手机充电不方便", "在驿站增加充电柜"},
}};

constexpr std::array<std::string_view, 4> kRoutes = {"东进路—坡子街—南苑路 外卖配送线路", "京泰路物流园—华港镇 货运线路",
                                                      "泰州站—鼓楼路—凤城河 网约车线路", "城北片区 快递派件线路"};

}  // namespace

void make_fieldwork(World& w) {
  const int visits = w.scale() ? std::max(12, w.options.members / 200) : 12;
  const std::vector<std::string> companies = {"company:meituan", "company:eleme", "company:sf", "company:zto",
                                              "company:jd",      "company:didi",  "company:yijie", "company:logistics_park"};
  const std::vector<std::string> towns = {"town:chengdong", "town:chengnan", "town:chengzhong", "town:jingtailu"};
  for (int i = 0; i < visits && !w.failed(); ++i) {
    const std::string type = i % 4 == 3 ? "ride_along" : (i % 6 == 5 ? "survey" : "enterprise_visit");
    const DemoUnit& unit = i % 2 == 0 ? w.unit("district") : w.unit(w.dice.pick(towns));
    const int day = -w.dice.between(1, 80);
    json f = {{"unit_id", unit.id}, {"type", type}, {"date", w.date_at(day)}, {"workers_met", w.dice.between(3, 25)}};
    json visitors = json::array({unit.staff.user_id});
    if (unit.id != w.unit("district").id && w.dice.chance(0.5)) visitors.push_back(w.unit("district").staff.user_id);
    f["visitors"] = visitors;
    if (type == "ride_along") {
      f["route"] = w.dice.pick(kRoutes);
      f["summary"] = "跟车一天，体验接单、取货、配送全过程，记录路上的难处";
    } else {
      const DemoUnit& company = w.unit(w.dice.pick(companies));
      f["enterprise_unit_id"] = company.id;
      f["enterprise_name"] = company.employer;
      f["summary"] = type == "survey" ? "六个一调研：与站点骑手座谈，发放问卷" : "主席大走访：了解企业经营和用工情况，听取职工诉求";
    }
    const std::string visit_id = w.dice.uuid();
    const std::int64_t at = w.at_day(day, 17);
    if (!w.create(unit.staff, "visit", visit_id, f, at)) return;
    const int items = w.dice.between(1, 3);
    for (int n = 0; n < items && !w.failed(); ++n) {
      const Concern& c = w.dice.pick(kConcerns);
      const std::string item_id = w.dice.uuid();
      if (!w.create(unit.staff, "visit_item", item_id,
                    {{"visit_id", visit_id}, {"unit_id", unit.id}, {"text", c.text}, {"category", c.category}},
                    at + (n + 1) * kMinuteMs))
        return;
      const std::string follow_id = w.dice.uuid();
      const int due_day = day + w.dice.between(10, 40);
      if (!w.create(unit.staff, "follow_up", follow_id,
                    {{"visit_id", visit_id}, {"item_id", item_id}, {"unit_id", unit.id}, {"action", c.action},
                     {"owner_id", unit.staff.user_id}, {"due_date", w.date_at(due_day)}},
                    at + 10 * kMinuteMs))
        return;
      // Older actions are mostly done; the rest stay open, and those past their date are overdue.
      const std::int64_t done_at = std::min(w.at_day(day + w.dice.between(3, 20), 16), w.options.now_ms - kHourMs);
      if (day < -30 && w.dice.chance(0.6))
        w.step(unit.staff, "follow_up", follow_id, "complete", {{"result_note", "已落实，职工反映良好"}}, done_at);
      else if (i == 1 && n == 0)
        w.step(unit.staff, "follow_up", follow_id, "cancel", {{"cancel_reason", "企业已自行解决"}}, done_at);
    }
  }
}

}  // namespace nx::demo
