// The district's workers and their way into the union: each applies on the phone (routed by
// route_member: company union, else industry union, else the area's federation — 兜底), staff
// of the unit decide, and an approved application becomes a member record. Most are members;
// some wait for a decision, some were asked for more information, a few were rejected.
//
// The first kPersonas workers are the demo's worker logins: their outcome is fixed so each
// login shows something (a member card, a request, an application that needs info).
#include <array>
#include <string_view>

#include "core/demo/names.h"
#include "core/demo/world.h"
#include "core/membership/routing.h"

namespace nx::demo {

namespace {

struct Employer {
  std::string_view trade, name;
  int weight;
};

// Employers as workers type them: those with a company union in the district and those without
// (whose workers go to the industry union, or to the area's federation when there is none).
constexpr std::array<Employer, 20> kEmployers = {{
    {"delivery", "美团", 30},          {"delivery", "饿了么", 18},    {"delivery", "达达快送", 6},
    {"delivery", "闪送", 4},           {"courier", "顺丰速运", 10},   {"courier", "中通快递", 8},
    {"courier", "京东物流", 7},        {"courier", "韵达快递", 6},    {"courier", "圆通速递", 5},
    {"courier", "极兔速递", 3},        {"ride_hailing", "滴滴出行", 8}, {"ride_hailing", "泰州市亿杰网约车服务有限公司", 5},
    {"ride_hailing", "T3出行", 4},     {"ride_hailing", "曹操出行", 2}, {"truck", "海陵物流园", 5},
    {"truck", "泰州中泰货运有限公司", 4}, {"truck", "货拉拉", 3},      {"truck", "满帮", 2},
    {"livestream", "泰州鼎盛传媒", 2}, {"other", "", 3},
}};

// Where workers live or work: the streets, towns and communities (weighted by how many live there).
constexpr std::array<std::string_view, 16> kAreas = {
    "321202001", "321202002", "321202003", "321202004", "321202005", "321202006", "321202007", "321202101",
    "321202102", "321202103", "321202104", "321202004001", "321202001001", "321202003001", "321202005001", "321202006001"};

const Employer& pick_employer(Dice& dice) {
  int total = 0;
  for (const Employer& e : kEmployers) total += e.weight;
  int roll = dice.between(1, total);
  for (const Employer& e : kEmployers)
    if ((roll -= e.weight) <= 0) return e;
  return kEmployers.back();
}

// What became of an application; kPersonaOutcomes are the fixed ones of the worker logins.
std::string pick_outcome(Dice& dice) {
  const int roll = dice.between(1, 100);
  if (roll <= 84) return "approved";
  if (roll <= 90) return "submitted";
  if (roll <= 93) return "needs_info";
  if (roll <= 95) return "resubmitted";
  if (roll <= 97) return "rejected";
  if (roll <= 98) return "draft";
  return "withdrawn";
}
constexpr std::array<std::string_view, 5> kPersonaOutcomes = {"approved", "approved", "approved", "approved", "needs_info"};
constexpr std::array<int, 5> kPersonaEmployers = {0, 4, 10, 14, 1};  // 美团, 顺丰速运, 滴滴出行, 海陵物流园, 饿了么

constexpr std::array<std::string_view, 4> kRejectReasons = {"经核实不在本区工作，请向工作所在地工会申请",
                                                            "重复申请，已在其他工会入会", "资料不实，手机号无法联系本人",
                                                            "非新就业形态劳动者，请通过单位工会入会"};
constexpr std::array<std::string_view, 3> kInfoRequests = {"请补充所在站点名称", "请确认工作单位全称",
                                                           "请补充常住社区，便于就近安排服务"};

void enrol(World& w, DemoWorker& wk, const std::string& outcome) {
  const Actor self{wk.user_id, Role::Worker, "", ""};
  // Applications came in over the last three months, more of them recently (the spring drive).
  const int back1 = w.dice.between(3, 95);
  const int back2 = w.dice.between(3, 95);
  const int day = -std::min(back1, back2);
  const int hour = w.dice.between(7, 21);
  const int minute = w.dice.between(0, 59);
  const std::int64_t applied = w.at_day(day, hour, minute);
  wk.application_id = w.dice.uuid();
  json f = {{"name", wk.name}, {"phone", wk.phone}, {"trade", wk.trade}, {"area", wk.area}, {"owner_id", wk.user_id}};
  if (!wk.employer.empty()) f["employer"] = wk.employer;
  auto route = membership::route_member(
      membership::RouteQuery{wk.employer, membership::parse_trade(wk.trade), wk.area}, w.out.records);
  if (!route) {
    w.fail(route.error());
    return;
  }
  wk.unit_id = route.value().unit_id;
  f["unit_id"] = wk.unit_id;
  f["routing_reason"] = route.value().reason;
  if (!w.create(self, "membership_application", wk.application_id, f, applied)) return;
  wk.application_status = "draft";
  if (outcome == "draft") return;
  if (outcome == "withdrawn") {
    w.step(self, "membership_application", wk.application_id, "withdraw", json::object(), applied + 10 * kMinuteMs);
    wk.application_status = "withdrawn";
    return;
  }
  const std::int64_t submitted = applied + w.dice.between(2, 30) * kMinuteMs;
  if (!w.step(self, "membership_application", wk.application_id, "submit", {{"consent", true}}, submitted)) return;
  wk.application_status = "submitted";
  if (outcome == "submitted") return;
  const Actor& staff = w.staff_for(wk.unit_id);
  const std::int64_t decided = submitted + w.dice.between(4, 72) * kHourMs;
  if (outcome == "rejected") {
    w.step(staff, "membership_application", wk.application_id, "reject", {{"reject_reason", w.dice.pick(kRejectReasons)}},
           decided);
    wk.application_status = "rejected";
    return;
  }
  if (outcome == "needs_info" || outcome == "resubmitted") {
    if (!w.step(staff, "membership_application", wk.application_id, "request_info",
                {{"info_request", w.dice.pick(kInfoRequests)}}, decided))
      return;
    wk.application_status = "needs_info";
    if (outcome == "needs_info") return;
    w.step(self, "membership_application", wk.application_id, "resubmit", {{"info_reply", "已补充，谢谢"}},
           decided + w.dice.between(1, 30) * kHourMs);
    wk.application_status = "resubmitted";
    return;
  }
  if (!w.step(staff, "membership_application", wk.application_id, "approve", json::object(), decided)) return;
  wk.application_status = "approved";
  wk.member_id = w.dice.uuid();
  wk.joined_ms = std::min(decided + kHourMs, w.options.now_ms);
  // Membership runs to the end of next year: 会籍 is renewed yearly with the union's drive.
  // The rule copies the person from the application anyway; the form sends them as shown.
  json member = {{"name", wk.name},          {"phone", wk.phone},
                 {"trade", wk.trade},        {"area", wk.area},
                 {"unit_id", wk.unit_id},    {"application_id", wk.application_id},
                 {"valid_until", "2027-12-31"}};
  if (!wk.employer.empty()) member["employer"] = wk.employer;
  w.create(staff, "member", wk.member_id, member, wk.joined_ms);
}

}  // namespace

void make_workers(World& w) {
  const int count = w.scale() ? w.options.members * 100 / 86 : 340;
  w.workers.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count && !w.failed(); ++i) {
    const bool persona = i < static_cast<int>(kPersonaOutcomes.size());
    const Employer& e = persona ? kEmployers[static_cast<std::size_t>(kPersonaEmployers[static_cast<std::size_t>(i)])]
                                : pick_employer(w.dice);
    DemoWorker wk;
    wk.user_id = w.dice.uuid();
    wk.name = person_name(w.dice);
    wk.phone = unique_mobile(w.dice, w.phones);
    wk.trade = e.trade;
    wk.employer = e.name;
    wk.area = w.dice.pick(kAreas);
    const std::string outcome = persona ? std::string(kPersonaOutcomes[static_cast<std::size_t>(i)]) : pick_outcome(w.dice);
    enrol(w, wk, outcome);
    w.workers.push_back(std::move(wk));
  }
}

}  // namespace nx::demo
