#include "core/membership/timeline.h"

#include <doctest/doctest.h>

#include "world.h"

using namespace nx;
using namespace nx::membership;
using namespace nx::test_membership;

namespace {

const char* kApp = "membership_application";
constexpr std::int64_t kHour = 3600 * 1000;

std::vector<std::string> events(const std::vector<TimelineEntry>& t) {
  std::vector<std::string> out;
  for (const auto& e : t) out.push_back(e.event);
  return out;
}

// The worker's year: applies, is asked for more, joins, gets a certificate, volunteers,
// lapses, renews and moves to the other town.
void story(World& w) {
  REQUIRE(applied(w.create(w.worker, kApp, rid(1), with(person(), {{"owner_id", kWorker}, {"unit_id", kC1}}))));
  w.now += kHour;
  REQUIRE(applied(w.step(w.worker, kApp, rid(1), "submit", {{"consent", true}})));
  w.now += kHour;
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(1), "request_info", {{"info_request", "请补充单位"}})));
  w.now += kHour;
  REQUIRE(applied(w.step(w.worker, kApp, rid(1), "resubmit", {{"employer", "美团"}})));
  w.now += kHour;
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(1), "approve")));
  REQUIRE(applied(w.create(w.staff_c1, "member", rid(2), member_from(rid(1)))));
  REQUIRE(applied(w.create(w.staff_c1, "skill_record", rid(3),
                           {{"member_id", rid(2)}, {"unit_id", kC1}, {"skill", "网约配送员"}, {"level", "junior"},
                            {"certified_on", "2025-03-01"}, {"issuer", "泰州市人社局"}})));
  REQUIRE(applied(w.create(w.staff_c1, "volunteer_team", rid(4), {{"name", "东风爱心车队"}, {"focus", "caring_fleet"}, {"unit_id", kC1}})));
  w.now += 24 * kHour;
  REQUIRE(applied(w.create(w.worker, "volunteer_membership", rid(5), {{"team_id", rid(4)}, {"owner_id", kWorker}})));
  w.now += 24 * kHour;
  REQUIRE(applied(w.step(w.staff_c1, "member", rid(2), "lapse")));
  w.now += 24 * kHour;
  REQUIRE(applied(w.step(w.staff_c1, "member", rid(2), "renew")));
  w.now += 24 * kHour;
  REQUIRE(applied(w.step(w.worker, "member", rid(2), "transfer_out", {{"transferred_to", kC2}})));
  w.now += kHour;
  REQUIRE(applied(w.create(w.staff_c2, "member", rid(6), member_from(rid(2), kC2, "transferred_from"))));
}

}  // namespace

TEST_SUITE("membership") {

TEST_CASE("timeline: everything about one worker, newest first") {
  World w;
  story(w);
  // Someone else's records stay out.
  REQUIRE(applied(w.create(w.other_worker, kApp, rid(50), with(person("王五", "13700137000"), {{"owner_id", kOtherWorker}, {"unit_id", kC2}}))));

  const auto sources = membership_timeline_sources();
  const auto t = timeline(subject_for_owner(kWorker, w.records), w.records, sources);
  CHECK(events(t) == std::vector<std::string>{
                         "member.transfer_in",
                         "member.transfer_out",
                         "member.renew",
                         "member.lapse",
                         "volunteer_membership.join",
                         "member.join",  // same moment as the approval: the member record sorts first by kind
                         "membership_application.approve",
                         "membership_application.resubmit",
                         "membership_application.request_info",
                         "membership_application.submit",
                         "membership_application.create",
                         "skill_record.certified",
                     });
  for (std::size_t i = 1; i < t.size(); ++i) CHECK(t[i - 1].at_ms >= t[i].at_ms);

  CHECK(t[0].text.text(Locale::ZhCN) == "从「东风社区工会联合会」转入「西园社区工会联合会」");
  CHECK(t[0].text.text(Locale::En) == "Transferred from 东风社区工会联合会 to 西园社区工会联合会");
  CHECK(t[0].record_id == rid(6));
  CHECK(t[1].text.text(Locale::ZhCN) == "办理转会：从「东风社区工会联合会」转往「西园社区工会联合会」");
  CHECK(t[4].text.text(Locale::ZhCN) == "加入志愿服务小分队「东风爱心车队」");
  CHECK(t[5].text.text(Locale::ZhCN).find(w.get("member", rid(2)).str("member_no")) != std::string::npos);
  CHECK(t[8].text.text(Locale::ZhCN) == "工会请你补充：请补充单位");
  CHECK(t.back().at == "2025-03-01");
  CHECK(t.back().text.text(Locale::ZhCN) == "取得「网约配送员」初级工证书（泰州市人社局）");
  CHECK(t.back().at_ms == civil::from_china_local(civil::Date{2025, 3, 1}, 0));

  // The same person found from either member record.
  CHECK(events(timeline(subject_for_member(rid(2), w.records), w.records, sources)) == events(t));
  CHECK(events(timeline(subject_for_member(rid(6), w.records), w.records, sources)) == events(t));
  CHECK(events(timeline(subject_for_owner(kOtherWorker, w.records), w.records, sources)) ==
        std::vector<std::string>{"membership_application.create"});
}

TEST_CASE("timeline: someone without an account is followed through their records") {
  World w;
  REQUIRE(applied(w.create(w.staff_c1, kApp, rid(1), with(person("李四", "13900139000"), {{"unit_id", kC1}, {"consent", true}}))));
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(1), "submit")));
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(1), "approve")));
  REQUIRE(applied(w.create(w.staff_c1, "member", rid(2), member_from(rid(1)))));
  REQUIRE(applied(w.step(w.staff_c1, "member", rid(2), "transfer_out", {{"transferred_to", kC2}})));
  w.now += kHour;
  REQUIRE(applied(w.create(w.staff_c2, "member", rid(3), member_from(rid(2), kC2, "transferred_from"))));

  const TimelineSubject who = subject_for_member(rid(3), w.records);
  CHECK(who.owner_id.empty());
  CHECK(who.member_ids == std::vector<std::string>{rid(3), rid(2)});
  const auto t = timeline(who, w.records, membership_timeline_sources());
  CHECK(t.size() == 6);
  CHECK(t.front().event == "member.transfer_in");
  CHECK(t.back().event == "membership_application.create");
  // Nobody's timeline is empty, not everyone's.
  CHECK(timeline(subject_for_owner("", w.records), w.records, membership_timeline_sources()).empty());
  CHECK(timeline(subject_for_member(rid(999), w.records), w.records, membership_timeline_sources()).empty());
}

TEST_CASE("timeline: other areas add their kinds; deleted records drop out") {
  World w;
  story(w);
  sync::Record visit;
  visit.kind = "care_handout";
  visit.id = rid(70);
  visit.fields = {{"owner_id", kWorker}, {"given_at", "2027-01-01T01:00:00Z"}, {"item", "羽绒服"}};
  w.records.put(visit);
  sync::Record by_member = visit;
  by_member.id = rid(71);
  by_member.fields = {{"member_id", rid(6)}, {"given_at", "2027-01-02T01:00:00Z"}, {"item", "手套"}};
  w.records.put(by_member);

  auto sources = membership_timeline_sources();
  sources.push_back({"care_handout", [](const sync::Record& r, const sync::RecordSource&, std::vector<TimelineEntry>& out) {
                       const std::string at = r.str("given_at");
                       out.push_back({at, *civil::parse_datetime_ms(at), r.kind, r.id, "care_handout.given",
                                      Message{Msg::AsIs, {r.str("item")}}, 0});
                     }});
  auto t = timeline(subject_for_owner(kWorker, w.records), w.records, sources);
  REQUIRE(t.size() == 14);
  CHECK(t[0].text.text(Locale::ZhCN) == "手套");
  CHECK(t[1].text.text(Locale::ZhCN) == "羽绒服");

  REQUIRE(applied(w.remove(w.staff_c1, "skill_record", rid(3))));
  t = timeline(subject_for_owner(kWorker, w.records), w.records, sources);
  CHECK(t.size() == 13);
  CHECK(t.back().event == "membership_application.create");
}

}
