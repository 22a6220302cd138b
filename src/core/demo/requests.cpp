// Service requests (点单→配单→送单) by members, in every state, with their message threads:
// the worker asks, staff of the unit match a provider with a due date, the provider answers
// and delivers, the worker confirms with a rating — or reopens, or cancels.
#include <array>
#include <string_view>

#include "core/demo/world.h"
#include "core/services/service_request.h"

namespace nx::demo {

namespace {

struct Ask {
  std::string_view category, topic, text;
};

constexpr std::array<Ask, 14> kAsks = {{
    {"legal_consultation", "labour_relation", "我跑的是众包单，平台说不是劳动关系，出了事谁负责？"},
    {"legal_consultation", "work_injury", "送餐途中被电动车撞了，算不算工伤？要准备哪些材料？"},
    {"legal_consultation", "unpaid_wages", "站点扣了我两个月的绩效，说是超时罚款，合法吗？"},
    {"legal_consultation", "other", "合作商让签一份个体工商户注册协议，能不能签？"},
    {"legal_consultation", "", "网约车车辆挂靠合同到期，押金迟迟不退怎么办？"},
    {"legal_aid", "unpaid_wages", "快递网点老板跑路，拖欠我三个月工资一万二，申请法律援助。"},
    {"legal_aid", "work_injury", "卸货时从车上摔下腰椎骨折，公司不给报销，申请法律援助。"},
    {"legal_aid", "labour_relation", "干了两年外卖，站点不承认用工关系，想申请劳动仲裁。"},
    {"health_check", "", "常年骑车腰疼，想预约流动体检车的体检。"},
    {"insurance", "", "想了解工会送的意外伤害险怎么理赔。"},
    {"training", "", "想报名网约配送员职业技能等级认定培训，有补贴吗？"},
    {"training", "", "想参加货车司机技能竞赛前的培训。"},
    {"other", "", "孩子暑假没人带，驿站有没有托管或研学活动？"},
    {"other", "", "电动车电池在驿站充电的时间能不能延长到晚上？"},
}};

constexpr std::array<std::string_view, 4> kAnswers = {
    "您好，已收到。根据您描述的情况，建议先保留好接单记录和转账凭证，我们约个时间当面谈。",
    "您好，这种情况可以申请工伤认定，需要事故经过说明、就诊病历和与站点的用工证明。",
    "已与站点负责人联系，对方同意下周一前结清，请留意到账情况。",
    "已为您预约，请按时到场，带好身份证明。"};

constexpr std::array<std::string_view, 4> kComments = {"律师很耐心，问题解决了，谢谢娘家人！", "回复及时，很专业",
                                                       "事情办好了，就是等得有点久", "服务很好"};

// A later moment, never after "now".
std::int64_t later(const World& w, std::int64_t t, int min_hours, int max_hours, Dice& dice) {
  return std::min(t + dice.between(min_hours, max_hours) * kHourMs, w.options.now_ms - kMinuteMs);
}

const DemoProvider* provider_for(World& w, std::string_view category) {
  const std::string_view service = services::service_for_category(category);
  for (int tries = 0; tries < 50; ++tries) {
    const DemoProvider& p = w.dice.pick(w.providers);
    for (const std::string& s : p.services)
      if (s == service) return &p;
  }
  return nullptr;
}

void message(World& w, const std::string& request_id, const sync::Record& req, const Actor& who, const char* role,
             std::string_view text, std::int64_t at) {
  json f = {{"request_id", request_id}, {"owner_id", req.str("owner_id")}, {"unit_id", req.str("unit_id")},
            {"author_id", who.user_id}, {"author_role", role}, {"at", iso(at)}, {"text", text}};
  if (!req.str("provider_id").empty()) f["provider_id"] = req.str("provider_id");
  w.create(who, "request_message", w.dice.uuid(), f, at);
}

// The target state of request `i`; the first ones cover every state, so the demo always has them.
std::string pick_state(Dice& dice, int i) {
  constexpr std::array<std::string_view, 6> kAll = {"ordered", "matched", "delivered", "confirmed", "reopened", "cancelled"};
  if (i < static_cast<int>(kAll.size())) return std::string(kAll[static_cast<std::size_t>(i)]);
  const int roll = dice.between(1, 100);
  if (roll <= 14) return "ordered";
  if (roll <= 38) return "matched";
  if (roll <= 50) return "delivered";
  if (roll <= 84) return "confirmed";
  if (roll <= 89) return "reopened";
  return "cancelled";
}

}  // namespace

void make_requests(World& w) {
  std::vector<const DemoWorker*> members;
  for (const DemoWorker& wk : w.workers)
    if (!wk.member_id.empty()) members.push_back(&wk);
  if (members.empty()) return;
  const int count = w.scale() ? w.options.requests : 90;
  for (int i = 0; i < count && !w.failed(); ++i) {
    // The worker logins come first, so each has a request of their own.
    const DemoWorker& wk = i < 4 ? *members[static_cast<std::size_t>(i) % members.size()] : *w.dice.pick(members);
    const Actor self{wk.user_id, Role::Worker, "", ""};
    const Ask& ask = w.dice.pick(kAsks);
    const std::string state = pick_state(w.dice, i);
    const int back = std::max(1, static_cast<int>((w.options.now_ms - wk.joined_ms) / kDayMs));
    const int day = -w.dice.between(0, std::min(back, 60));
    const int hour = w.dice.between(7, 21);
    std::int64_t t = std::max(wk.joined_ms + kHourMs, w.at_day(day, hour));
    t = std::min(t, w.options.now_ms - 6 * kHourMs);
    const std::string id = w.dice.uuid();
    json f = {{"category", ask.category}, {"description", ask.text}, {"owner_id", wk.user_id}, {"unit_id", wk.unit_id}};
    if (!ask.topic.empty()) f["topic"] = ask.topic;
    const sync::Record* req = w.create(self, "service_request", id, f, t);
    if (!req) return;
    message(w, id, *req, self, "worker", ask.text, t);
    const Actor& staff = w.staff_for(wk.unit_id);
    if (state == "ordered") continue;
    if (state == "cancelled") {
      if (w.dice.chance(0.5)) w.step(self, "service_request", id, "cancel", {{"reason", "问题已自行解决"}}, later(w, t, 1, 48, w.dice));
      else w.step(staff, "service_request", id, "cancel_by_staff", {{"reason", "重复提交，已合并到另一条申请"}}, later(w, t, 1, 48, w.dice));
      continue;
    }
    const DemoProvider* p = provider_for(w, ask.category);
    if (!p) continue;
    t = later(w, t, 1, 30, w.dice);
    const std::string due = civil_date(t + w.dice.between(5, 15) * kDayMs);
    req = w.step(staff, "service_request", id, "match", {{"provider_id", p->id}, {"due_date", due}}, t);
    if (!req) return;
    t = later(w, t, 2, 48, w.dice);
    message(w, id, *req, p->actor, "provider", w.dice.pick(kAnswers), t);
    if (state == "matched") continue;
    t = later(w, t, 4, 120, w.dice);
    if (!w.step(p->actor, "service_request", id, "deliver", json::object(), t)) return;
    if (state == "delivered") continue;
    t = later(w, t, 1, 48, w.dice);
    if (state == "reopened") {
      w.step(self, "service_request", id, "reopen", {{"reason", "对方答应的钱还没到账"}}, t);
      continue;
    }
    w.step(self, "service_request", id, "confirm",
           {{"rating", w.dice.between(1, 10) <= 7 ? 5 : w.dice.between(3, 4)}, {"comment", w.dice.pick(kComments)}}, t);
  }
}

}  // namespace nx::demo
