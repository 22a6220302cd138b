// What the district publishes for workers: announcements, 工会知识 (what a union is, rights and
// duties, how joining works, two model workers' stories, a five-question quiz) and job posts.
#include <array>
#include <string_view>

#include "core/demo/season.h"
#include "core/demo/world.h"

namespace nx::demo {

namespace {

struct Text {
  std::string_view category, title, body;
};

constexpr std::array<Text, 9> kArticles = {{
    {"announcement", "", ""},  // the season's handout (season.h)
    {"announcement", "工会律师顾问团每周三驻点答疑",
     "每周三下午 2 点到 5 点，工会律师在区职工服务中心驻点，欠薪、工伤、劳动关系问题都可以来问，免费。\n\n"
     "来不了的可以在「服务」里直接向律师提问，没有信号也能先写好。"},
    {"announcement", "新就业形态劳动者专属保险开放参保",
     "工会为会员统一购买意外伤害和住院医疗互助保障，个人不用出钱，名额有限。\n\n在「服务」里选择「职工保险」提交申请即可。"},
    {"union_basics", "工会是什么",
     "工会是职工自愿结合的工人阶级群众组织。它代表和维护职工的合法权益，帮职工说话、办事。\n\n"
     "外卖骑手、快递员、网约车司机、货车司机这些新就业形态劳动者，都可以加入工会——不管有没有签劳动合同。\n\n"
     "入会后，工会为你提供法律援助、困难帮扶、健康体检、技能培训、子女研学和节日慰问。"},
    {"rights", "会员的权利和义务",
     "权利：参加工会活动；享受工会的服务和帮扶；对工会工作提出意见；合法权益受侵害时请求工会帮助。\n\n"
     "义务：遵守工会章程；参加工会的活动；按规定交纳会费（新就业形态劳动者入会，很多地方免交或减交）。"},
    {"joining", "入会怎么办",
     "第一步：在「我的」里点「申请入会」，填姓名、手机号、职业、工作单位和所在街道。\n\n"
     "第二步：系统会告诉你申请交给哪个工会：单位建了工会的交给单位工会；没有的交给行业工会或所在街道、社区的工会联合会。\n\n"
     "第三步：工会干部审核后，你会收到会员号和电子会员证，凭证就能享受会员服务。"},
    {"model_worker", "雨夜里的「活地图」：骑手王师傅",
     "王师傅跑外卖七年，熟悉海陵城区每一条小巷。去年暴雨夜，他帮走失的老人找到了家，被评为区级劳动模范。\n\n"
     "他说：「我们每天在城里跑，看到有人需要帮忙，顺手就帮了。」如今他带着新骑手熟悉路线，讲安全骑行。"},
    {"model_worker", "从学徒到技师：快递员李姐的技能路",
     "李姐做快递分拣五年，参加工会组织的技能培训，从学徒工一步步考到技师，去年获得区职工技能竞赛一等奖。\n\n"
     "她说：「技能等级越高，收入越高，也越有底气。」工会的技能培训对会员免费。"},
    {"quiz", "工会知识小测验", ""},
}};

json quiz_questions() {
  auto q = [](std::string_view question, std::vector<std::string> options, int answer, std::string_view explain) {
    return json{{"question", question}, {"options", options}, {"answer", answer}, {"explain", explain}};
  };
  return json::array({
      q("没签劳动合同的外卖骑手能加入工会吗？", {"能", "不能"}, 0, "新就业形态劳动者都可以入会，不以签劳动合同为前提。"),
      q("单位没有建工会，入会申请交给谁？", {"不能入会", "行业工会或所在街道、社区工会联合会", "只能等单位建工会"}, 1,
        "工会「兜底」：单位没有工会的，由行业工会或属地工会联合会接收。"),
      q("被拖欠工资，可以找工会做什么？", {"免费法律咨询和援助", "代发工资", "什么也做不了"}, 0, "工会律师顾问团免费提供咨询，符合条件的给予法律援助。"),
      q("户外劳动者驿站可以做什么？", {"只能买水", "喝水、休息、充电、纳凉取暖", "只给会员看病"}, 1,
        "驿站冷可取暖、热可纳凉、渴可喝水、累可歇脚，对所有户外劳动者开放。"),
      q("入会需要提供身份证号吗？", {"需要", "不需要"}, 1, "只收集入会需要的信息：姓名、手机号、职业、工作单位和所在地区。"),
  });
}

struct Job {
  std::string_view title, trade, employer, place, contact, description;
  int pay_min, pay_max;
};

constexpr std::array<Job, 6> kJobs = {{
    {"外卖骑手（全职）", "delivery", "美团海陵配送站", "海陵区城南、城中", "张站长 0523-86201111", "电动车由站点提供，五险一金，雨天有补贴。", 6000, 9000},
    {"快递分拣员", "courier", "顺丰速运泰州海陵分部", "京泰路海陵物流园", "人事 0523-86202222", "夜班为主，包晚餐，免费技能培训。", 5000, 6500},
    {"快递派送员", "courier", "中通快递城东网点", "海陵区城东街道", "王经理 0523-86203333", "片区固定，计件加底薪。", 5500, 8000},
    {"网约车司机", "ride_hailing", "滴滴出行泰州合作车队", "泰州市区", "车队调度 0523-86204444", "有车或租车均可，提供安全培训。", 6000, 10000},
    {"城配货车司机（C 照）", "truck", "海陵物流园联合运输", "海陵物流园", "李队长 0523-86205555", "市内配送，不跑长途，周末双休。", 6500, 8500},
    {"直播带货助理", "livestream", "泰州本地生活直播基地", "海陵区鼓楼路", "运营部 0523-86206666", "会剪辑优先，提供培训。", 4000, 6000},
}};

}  // namespace

void make_content(World& w) {
  const DemoUnit& district = w.unit("district");
  const Season season = season_of(w.options.now_ms);
  int order = 0;
  for (std::size_t i = 0; i < kArticles.size(); ++i) {
    Text t = kArticles[i];
    const std::string season_title = season.year + " " + std::string(season.campaign) + "开始了";
    if (i == 0) t.title = season_title, t.body = season.announcement;
    const int day = t.category == "announcement" ? -static_cast<int>(i) * 3 - 1 : -60;
    json f = {{"category", t.category}, {"title", t.title}, {"unit_id", district.id}, {"published_on", w.date_at(day)},
              {"order", order++}};
    if (t.category == "quiz") f["questions"] = quiz_questions();
    else f["body"] = t.body;
    if (!w.create(district.staff, "article", w.dice.uuid(), f, w.at_day(day, 9))) return;
  }
  for (std::size_t i = 0; i < kJobs.size(); ++i) {
    const Job& j = kJobs[i];
    const int day = -static_cast<int>(i) - 2;
    if (!w.create(district.staff, "job_post", w.dice.uuid(),
                  {{"title", j.title}, {"trade", j.trade}, {"employer", j.employer}, {"place", j.place}, {"contact", j.contact},
                   {"description", j.description}, {"pay_min", j.pay_min}, {"pay_max", j.pay_max}, {"unit_id", district.id},
                   {"published_on", w.date_at(day)}, {"open", true}},
                  w.at_day(day, 10)))
      return;
  }
}

}  // namespace nx::demo
