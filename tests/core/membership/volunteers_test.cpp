#include "core/membership/volunteers.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "world.h"

using namespace nx;
using namespace nx::membership;
using namespace nx::test_membership;

namespace {

const char* kTeam = "volunteer_team";
const char* kVm = "volunteer_membership";

bool has_error(const Errors& errors, const std::string& field, const std::string& code) {
  return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field && e.code == code; });
}

// The worker as an active member of C1, and a team rid(20) of C1.
void setup(World& w) {
  REQUIRE(applied(w.create(w.worker, "membership_application", rid(100), with(person(), {{"owner_id", kWorker}, {"unit_id", kC1}}))));
  REQUIRE(applied(w.step(w.worker, "membership_application", rid(100), "submit", {{"consent", true}})));
  REQUIRE(applied(w.step(w.staff_c1, "membership_application", rid(100), "approve")));
  REQUIRE(applied(w.create(w.staff_c1, "member", rid(1), member_from(rid(100)))));
  REQUIRE(applied(w.create(w.staff_c1, kTeam, rid(20), {{"name", "东风爱心车队"}, {"focus", "caring_fleet"}, {"unit_id", kC1}})));
}

}  // namespace

TEST_SUITE("membership") {

TEST_CASE("volunteer teams: the six focuses") {
  CHECK(kVolunteerFocusNames.size() == 6);
  for (std::string_view n : kVolunteerFocusNames) {
    auto f = parse_volunteer_focus(n);
    REQUIRE(f);
    CHECK(volunteer_focus_name(*f) == n);
    CHECK_FALSE(message_text(volunteer_focus_label(*f), Locale::ZhCN).empty());
  }
  CHECK(message_text(volunteer_focus_label(VolunteerFocus::Theory), Locale::ZhCN) == "理论速递");
  CHECK(message_text(volunteer_focus_label(VolunteerFocus::LivestreamFarm), Locale::ZhCN) == "直播助农");
  CHECK(message_text(volunteer_focus_label(VolunteerFocus::SafetyPatrol), Locale::ZhCN) == "平安巡查");
  CHECK_FALSE(parse_volunteer_focus("sports"));
}

TEST_CASE("volunteer_team: decoding and who keeps teams") {
  const Errors missing = decode_volunteer_team(json::object()).errors;
  CHECK(has_error(missing, "name", "required"));
  CHECK(has_error(missing, "focus", "required"));
  CHECK(has_error(missing, "unit_id", "required"));
  json good = {{"name", "理论宣讲队"}, {"focus", "theory"}, {"unit_id", kC1}};
  CHECK(decode_volunteer_team(good).ok());
  CHECK(has_error(decode_volunteer_team(with(good, {{"focus", "sports"}})).errors, "focus", "enum_invalid"));
  CHECK(has_error(decode_volunteer_team(with(good, {{"name", std::string(41, 'x')}})).errors, "name", "too_long"));
  CHECK(has_error(decode_volunteer_team(with(good, {{"description", 1}})).errors, "description", "type_invalid"));
  CHECK(has_error(decode_volunteer_team(with(good, {{"leader", "x"}})).errors, "leader", "field_unknown"));

  World w;
  CHECK(code_of(w.create(w.worker, kTeam, rid(1), good)) == "forbidden");
  CHECK(code_of(w.create(w.staff_t2, kTeam, rid(1), good)) == "forbidden");
  CHECK(applied(w.create(w.staff_c1, kTeam, rid(1), good)));
  CHECK(applied(w.create(w.staff_t1, kTeam, rid(2), good)));
  CHECK(applied(w.edit(w.staff_d, kTeam, rid(1), {{"description", "每周一次"}})));
  CHECK(code_of(w.edit(w.staff_c2, kTeam, rid(1), {{"description", "x"}})) == "forbidden");
}

TEST_CASE("volunteer_membership: a member joins once, leaves and comes back") {
  World w;
  setup(w);
  CHECK(has_error(decode_volunteer_membership(json::object()).errors, "team_id", "required"));
  CHECK(has_error(decode_volunteer_membership(json::object()).errors, "owner_id", "required"));

  // A worker who is not a member.
  CHECK(code_of(w.create(w.other_worker, kVm, rid(30), {{"team_id", rid(20)}, {"owner_id", kOtherWorker}})) == "member_required");
  // For someone else.
  CHECK(code_of(w.create(w.other_worker, kVm, rid(30), {{"team_id", rid(20)}, {"owner_id", kWorker}})) == "forbidden");
  CHECK(code_of(w.create(w.worker, kVm, rid(30), {{"team_id", rid(999)}, {"owner_id", kWorker}})) == "team_unknown");
  CHECK(code_of(w.create(w.worker, kVm, rid(30), {{"team_id", rid(20)}, {"owner_id", kWorker}, {"unit_id", kC2}})) == "team_unit_mismatch");
  REQUIRE(applied(w.create(w.worker, kVm, rid(30), {{"team_id", rid(20)}, {"owner_id", kWorker}})));
  CHECK(w.get(kVm, rid(30)).str("unit_id") == kC1);
  CHECK(w.status_of(kVm, rid(30)) == "joined");
  auto twice = w.create(w.staff_c1, kVm, rid(31), {{"team_id", rid(20)}, {"owner_id", kWorker}, {"unit_id", kC1}});
  CHECK(code_of(twice) == "team_joined");
  CHECK(twice.reason->message_zh == "你已经在这支小分队里了");

  REQUIRE(applied(w.step(w.worker, kVm, rid(30), "leave")));
  auto again = w.create(w.worker, kVm, rid(31), {{"team_id", rid(20)}, {"owner_id", kWorker}});
  CHECK(code_of(again) == "team_joined");
  CHECK(again.reason->message_en == "You were in this team before: rejoin instead");
  REQUIRE(applied(w.step(w.worker, kVm, rid(30), "rejoin")));
  CHECK(w.status_of(kVm, rid(30)) == "joined");
  // A lapsed member cannot come back until renewed.
  REQUIRE(applied(w.step(w.staff_c1, kVm, rid(30), "leave")));
  REQUIRE(applied(w.step(w.staff_c1, "member", rid(1), "lapse")));
  CHECK(code_of(w.step(w.worker, kVm, rid(30), "rejoin")) == "member_required");
  CHECK(code_of(w.step(w.worker, kVm, rid(30), "rejoin", {{"team_id", rid(21)}})) == "param_not_allowed");
}

TEST_CASE("volunteer_membership: every transition, from every state, by every role") {
  struct Who {
    const char* label;
    Actor World::*actor;
    bool may;
  };
  const std::vector<Who> roles = {
      {"owner worker", &World::worker, true},          {"other worker", &World::other_worker, false},
      {"staff of the unit", &World::staff_c1, true},   {"staff of the parent", &World::staff_t1, true},
      {"staff of the district", &World::staff_d, true}, {"staff of a sibling town", &World::staff_t2, false},
      {"staff of a sibling community", &World::staff_c2, false}, {"admin", &World::admin, true},
  };
  int allowed = 0;
  for (const char* transition : {"leave", "rejoin"}) {
    for (std::string_view state : kVolunteerStates) {
      for (const Who& who : roles) {
        World w;
        setup(w);
        REQUIRE(applied(w.create(w.worker, kVm, rid(30), {{"team_id", rid(20)}, {"owner_id", kWorker}})));
        if (state == "left") REQUIRE(applied(w.step(w.worker, kVm, rid(30), "leave")));
        const bool right_state = (std::string(transition) == "leave") == (state == "joined");
        const std::string expected = !who.may ? "transition_forbidden" : !right_state ? "transition_invalid" : "";
        INFO(transition, " from ", state, " by ", who.label);
        CHECK(code_of(w.step(w.*who.actor, kVm, rid(30), transition)) == expected);
        if (expected.empty()) ++allowed;
      }
    }
  }
  CHECK(allowed == 2 * 5);
}

}
