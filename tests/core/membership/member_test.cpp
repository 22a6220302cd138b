#include "core/membership/member.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/membership/steps.h"
#include "world.h"

using namespace nx;
using namespace nx::membership;
using namespace nx::test_membership;

namespace {

const char* kApp = "membership_application";
const char* kMember = "member";

bool has_error(const Errors& errors, const std::string& field, const std::string& code) {
  return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field && e.code == code; });
}

// An approved application `app` of the worker in C1.
void approved_application(World& w, const std::string& app, const std::string& owner = kWorker,
                          const std::string& phone = "13800138000") {
  const Actor applicant{owner, Role::Worker, "", ""};
  REQUIRE(applied(w.create(applicant, kApp, app, with(person("张三", phone), {{"owner_id", owner}, {"unit_id", kC1}}))));
  REQUIRE(applied(w.step(applicant, kApp, app, "submit", {{"consent", true}})));
  REQUIRE(applied(w.step(w.staff_c1, kApp, app, "approve")));
}

// The worker as an active member `id` of C1.
void active_member(World& w, const std::string& id) {
  approved_application(w, rid(100));
  REQUIRE(applied(w.create(w.staff_c1, kMember, id, member_from(rid(100)))));
}

}  // namespace

TEST_SUITE("membership") {

TEST_CASE("member: untrusted JSON gives field errors") {
  const Errors missing = decode_member(json::object()).errors;
  for (const char* f : {"name", "phone", "trade", "area", "unit_id", "status"}) {
    INFO(f);
    CHECK(has_error(missing, f, "required"));
  }
  json good = with(member_from(rid(1)), {{"status", "active"}, {"owner_id", kWorker}});
  REQUIRE(decode_member(good).ok());
  CHECK(has_error(decode_member(with(good, {{"status", "expelled"}})).errors, "status", "enum_invalid"));
  CHECK(has_error(decode_member(with(good, {{"joined_on", "2026-02-30"}})).errors, "joined_on", "date_invalid"));
  CHECK(has_error(decode_member(with(good, {{"valid_until", 20261231}})).errors, "valid_until", "type_invalid"));
  CHECK(has_error(decode_member(with(good, {{"member_no", "A1"}})).errors, "member_no", "member_no_invalid"));
  CHECK(has_error(decode_member(with(good, {{"transferred_to", "c2"}})).errors, "transferred_to", "id_invalid"));
  CHECK(has_error(decode_member(with(good, {{"lapse_reason", std::string(201, 'x')}})).errors, "lapse_reason", "too_long"));
  CHECK(has_error(decode_member(with(good, {{"routing_reason", "x"}})).errors, "routing_reason", "field_unknown"));
  CHECK(has_error(decode_member(with(good, {{"transferred_from", rid(2)}})).errors, "application_id", "member_source_required"));
  json no_source = good;
  no_source.erase("application_id");
  CHECK(has_error(decode_member(no_source).errors, "application_id", "member_source_required"));
  CHECK(has_error(decode_member(with(good, {{"status", "transferred_out"}})).errors, "transferred_to", "required"));
  CHECK(has_error(decode_member(with(good, {{"transferred_to", kC1}})).errors, "transferred_to", "transfer_same_unit"));
  CHECK(has_error(decode_member(with(good, {{"joined_on", "2026-07-01"}, {"valid_until", "2026-06-30"}})).errors, "valid_until",
                  "valid_until_before_joined"));
}

TEST_CASE("member: made from an approved application, copying the person and the number") {
  World w;
  approved_application(w, rid(1));
  // What staff type is not what counts: the application is the source.
  auto r = w.create(w.staff_c1, kMember, rid(2), with(member_from(rid(1)), {{"name", "别人"}, {"owner_id", kOtherWorker}}));
  REQUIRE(applied(r));
  const sync::Record& m = w.get(kMember, rid(2));
  const sync::Record& app = w.get(kApp, rid(1));
  CHECK(m.str("status") == "active");
  CHECK(m.str("name") == "张三");
  CHECK(m.str("owner_id") == kWorker);
  CHECK(m.str("member_no") == app.str("member_no"));
  CHECK(m.str("joined_on") == "2026-07-01");
  CHECK(m.str("created_by") == "s-c1");
  CHECK(read_steps(m.fields).at(0).step == "join");

  // Once per application, by anyone.
  CHECK(code_of(w.create(w.staff_d, kMember, rid(3), member_from(rid(1)))) == "member_exists");
}

TEST_CASE("member: where a member record may not come from") {
  World w;
  approved_application(w, rid(1));
  // An application still waiting.
  const Actor other{kOtherWorker, Role::Worker, "", ""};
  REQUIRE(applied(w.create(other, kApp, rid(4), with(person("赵六", "13600136000"), {{"owner_id", kOtherWorker}, {"unit_id", kC1}}))));
  REQUIRE(applied(w.step(other, kApp, rid(4), "submit", {{"consent", true}})));
  CHECK(code_of(w.create(w.staff_c1, kMember, rid(5), member_from(rid(4)))) == "application_not_approved");
  CHECK(code_of(w.create(w.staff_c1, kMember, rid(5), member_from(rid(999)))) == "application_unknown");
  // Another unit than the one that approved.
  CHECK(code_of(w.create(w.staff_t1, kMember, rid(5), member_from(rid(1), kIC))) == "member_unit_mismatch");
  // Nobody types the number; workers and staff elsewhere do not make members.
  CHECK(code_of(w.create(w.staff_c1, kMember, rid(5), with(member_from(rid(1)), {{"member_no", "NX-20260701-00000-00000"}}))) ==
        "field_protected");
  CHECK(code_of(w.create(w.worker, kMember, rid(5), with(member_from(rid(1)), {{"owner_id", kWorker}}))) == "forbidden");
  CHECK(code_of(w.create(w.staff_t2, kMember, rid(5), member_from(rid(1)))) == "forbidden");
  CHECK(code_of(w.create(w.staff_c2, kMember, rid(5), member_from(rid(1)))) == "forbidden");
  // Staff above the unit and admins may.
  CHECK(applied(w.create(w.admin, kMember, rid(5), member_from(rid(1)))));
}

TEST_CASE("member: someone enrolled by staff without an account has no owner") {
  World w;
  REQUIRE(applied(w.create(w.staff_c1, kApp, rid(1), with(person("李四", "13900139000"), {{"unit_id", kC1}, {"consent", true}}))));
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(1), "submit")));
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(1), "approve")));
  REQUIRE(applied(w.create(w.staff_c1, kMember, rid(2), with(member_from(rid(1)), {{"owner_id", kWorker}}))));
  CHECK_FALSE(w.get(kMember, rid(2)).fields.contains("owner_id"));
  CHECK(w.get(kMember, rid(2)).str("name") == "李四");
  // Later the person registers: staff link the account.
  CHECK(applied(w.edit(w.staff_c1, kMember, rid(2), {{"owner_id", kOtherWorker}})));
}

TEST_CASE("member: every transition, from every state, by every role") {
  struct Who {
    const char* label;
    Actor World::*actor;
    bool owner, staff;
  };
  const std::vector<Who> roles = {
      {"owner worker", &World::worker, true, false},          {"other worker", &World::other_worker, false, false},
      {"staff of the unit", &World::staff_c1, false, true},   {"staff of the parent", &World::staff_t1, false, true},
      {"staff of the district", &World::staff_d, false, true}, {"staff of a sibling town", &World::staff_t2, false, false},
      {"staff of a sibling community", &World::staff_c2, false, false}, {"admin", &World::admin, false, true},
  };
  struct Rule {
    std::set<std::string> from;
    bool owner_may;
    json params;
  };
  const std::map<std::string, Rule> rules = {
      {"lapse", {{"active"}, false, {{"lapse_reason", "两年未联系"}}}},
      {"renew", {{"lapsed"}, false, {{"valid_until", "2027-06-30"}}}},
      {"transfer_out", {{"active"}, true, {{"transferred_to", kC2}, {"transfer_reason", "搬到城西"}}}},
      {"cancel_transfer", {{"transferred_out"}, true, json::object()}},
  };
  int allowed = 0;
  for (const auto& entry : rules) {
    const std::string& transition = entry.first;  // named, not bound: INFO captures it
    const Rule& rule = entry.second;
    for (std::string_view state : kMemberStates) {
      for (const Who& who : roles) {
        World w;
        active_member(w, rid(1));
        if (state == "lapsed") REQUIRE(applied(w.step(w.staff_c1, kMember, rid(1), "lapse")));
        if (state == "transferred_out") REQUIRE(applied(w.step(w.worker, kMember, rid(1), "transfer_out", {{"transferred_to", kC2}})));
        const auto r = w.step(w.*who.actor, kMember, rid(1), transition, rule.params);
        std::string expected;
        if (!(who.staff || (who.owner && rule.owner_may))) expected = "transition_forbidden";
        else if (!rule.from.count(std::string(state))) expected = "transition_invalid";
        INFO(transition, " from ", state, " by ", who.label);
        CHECK(code_of(r) == expected);
        if (expected.empty()) {
          ++allowed;
          CHECK(w.status_of(kMember, rid(1)) == member_workflow().find(transition)->to);
        } else {
          CHECK(w.status_of(kMember, rid(1)) == state);
        }
      }
    }
  }
  // lapse and renew: four staff roles; transfer_out and cancel_transfer: those and the owner.
  CHECK(allowed == 4 + 4 + 5 + 5);
}

TEST_CASE("member: lapse and renew keep their words") {
  World w;
  active_member(w, rid(1));
  REQUIRE(applied(w.step(w.staff_c1, kMember, rid(1), "lapse", {{"lapse_reason", "两年未联系"}})));
  CHECK(w.get(kMember, rid(1)).str("lapse_reason") == "两年未联系");
  CHECK(code_of(w.step(w.staff_c1, kMember, rid(1), "renew", {{"valid_until", "someday"}})) == "date_invalid");
  CHECK(code_of(w.step(w.staff_c1, kMember, rid(1), "renew", {{"valid_until", "2020-01-01"}})) == "valid_until_before_joined");
  CHECK(code_of(w.step(w.staff_c1, kMember, rid(1), "renew", {{"unit_id", kC2}})) == "param_not_allowed");
  REQUIRE(applied(w.step(w.staff_c1, kMember, rid(1), "renew", {{"valid_until", "2027-06-30"}})));
  CHECK(w.get(kMember, rid(1)).str("valid_until") == "2027-06-30");
  const auto steps = read_steps(w.get(kMember, rid(1)).fields);
  REQUIRE(steps.size() == 3);
  CHECK(steps[1].note == "两年未联系");
  CHECK(steps[2].step == "renew");
}

TEST_CASE("member: a transfer — the sending side lets go, the receiving side takes in") {
  World w;
  active_member(w, rid(1));
  const std::string number = w.get(kMember, rid(1)).str("member_no");

  CHECK(code_of(w.step(w.worker, kMember, rid(1), "transfer_out")) == "required");
  CHECK(code_of(w.step(w.worker, kMember, rid(1), "transfer_out", {{"transferred_to", rid(999)}})) == "unit_unknown");
  CHECK(code_of(w.step(w.worker, kMember, rid(1), "transfer_out", {{"transferred_to", kC1}})) == "transfer_same_unit");
  CHECK(code_of(w.step(w.worker, kMember, rid(1), "transfer_out", {{"transferred_to", kC2}, {"unit_id", kC2}})) == "param_not_allowed");
  // The receiving side cannot take someone in who was not let go.
  CHECK(code_of(w.create(w.staff_c2, kMember, rid(2), member_from(rid(1), kC2, "transferred_from"))) == "transfer_not_started");

  REQUIRE(applied(w.step(w.worker, kMember, rid(1), "transfer_out", {{"transferred_to", kC2}, {"transfer_reason", "搬家"}})));
  // Only the unit it goes to takes it in, once.
  CHECK(code_of(w.create(w.staff_t1, kMember, rid(2), member_from(rid(1), kIC, "transferred_from"))) == "member_unit_mismatch");
  CHECK(code_of(w.create(w.staff_c1, kMember, rid(2), member_from(rid(1), kC2, "transferred_from"))) == "forbidden");
  CHECK(code_of(w.create(w.staff_c2, kMember, rid(2), member_from(rid(999), kC2, "transferred_from"))) == "member_unknown");
  REQUIRE(applied(w.create(w.staff_c2, kMember, rid(2), member_from(rid(1), kC2, "transferred_from"))));
  CHECK(code_of(w.create(w.staff_t2, kMember, rid(3), member_from(rid(1), kC2, "transferred_from"))) == "transfer_received");

  const sync::Record& moved = w.get(kMember, rid(2));
  CHECK(moved.str("status") == "active");
  CHECK(moved.str("member_no") == number);
  CHECK(moved.str("owner_id") == kWorker);
  CHECK(moved.str("joined_on") == "2026-07-01");
  CHECK(read_steps(moved.fields).at(0).step == "transfer_in");
  CHECK(w.status_of(kMember, rid(1)) == "transferred_out");
  // Taken in: the sending side can no longer call it back.
  CHECK(code_of(w.step(w.worker, kMember, rid(1), "cancel_transfer")) == "transfer_received");
}

TEST_CASE("member: a transfer is called back while nobody has taken it in") {
  World w;
  active_member(w, rid(1));
  REQUIRE(applied(w.step(w.staff_c1, kMember, rid(1), "transfer_out", {{"transferred_to", kC2}, {"transfer_reason", "搬家"}})));
  CHECK(code_of(w.step(w.worker, kMember, rid(1), "cancel_transfer", {{"transferred_to", kC2}})) == "param_not_allowed");
  REQUIRE(applied(w.step(w.worker, kMember, rid(1), "cancel_transfer")));
  const sync::Record& m = w.get(kMember, rid(1));
  CHECK(m.str("status") == "active");
  CHECK_FALSE(m.fields.contains("transferred_to"));
  CHECK_FALSE(m.fields.contains("transfer_reason"));
  CHECK(code_of(w.create(w.staff_c2, kMember, rid(2), member_from(rid(1), kC2, "transferred_from"))) == "transfer_not_started");
}

TEST_CASE("member: staff keep the record; the worker does not edit it directly") {
  World w;
  active_member(w, rid(1));
  CHECK(applied(w.edit(w.staff_c1, kMember, rid(1), {{"phone", "13700137000"}})));
  CHECK(applied(w.edit(w.staff_d, kMember, rid(1), {{"note", "优秀骑手"}})));
  CHECK(code_of(w.edit(w.worker, kMember, rid(1), {{"phone", "13700137001"}})) == "forbidden");
  CHECK(code_of(w.edit(w.staff_t2, kMember, rid(1), {{"phone", "13700137001"}})) == "forbidden");
  CHECK(code_of(w.edit(w.staff_c1, kMember, rid(1), {{"member_no", "NX-20260701-00000-00000"}})) == "field_protected");
  CHECK(code_of(w.edit(w.staff_c1, kMember, rid(1), {{"status", "lapsed"}})) == "field_protected");
  CHECK(code_of(w.edit(w.staff_c1, kMember, rid(1), {{"phone", "+86 13700137000"}})) == "phone_not_normalized");
}

}
