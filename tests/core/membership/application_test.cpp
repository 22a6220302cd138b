#include "core/membership/application.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/membership/member_number.h"
#include "core/membership/steps.h"
#include "world.h"

using namespace nx;
using namespace nx::membership;
using namespace nx::test_membership;

namespace {

const char* kApp = "membership_application";

bool has_error(const Errors& errors, const std::string& field, const std::string& code) {
  return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field && e.code == code; });
}

json own_application(const std::string& owner = kWorker) {
  return with(person(), {{"owner_id", owner}, {"unit_id", kC1}, {"routing_reason", "area_federation"}});
}

// Drives a fresh application `id` (the worker's own, or entered by staff of C1 for someone
// without an account) into `state`.
void bring_to(World& w, const std::string& id, const std::string& state, bool by_staff = false) {
  const Actor& applicant = by_staff ? w.staff_c1 : w.worker;
  json fields = by_staff ? with(person("李四", "13900139000"), {{"unit_id", kC1}}) : own_application();
  REQUIRE(applied(w.create(applicant, kApp, id, fields)));
  if (state == "draft") return;
  if (state == "withdrawn") {
    REQUIRE(applied(w.step(applicant, kApp, id, "withdraw")));
    return;
  }
  REQUIRE(applied(w.step(applicant, kApp, id, "submit", {{"consent", true}})));
  if (state == "submitted") return;
  if (state == "approved") {
    REQUIRE(applied(w.step(w.staff_c1, kApp, id, "approve")));
    return;
  }
  if (state == "rejected") {
    REQUIRE(applied(w.step(w.staff_c1, kApp, id, "reject", {{"reject_reason", "不在本区工作"}})));
    return;
  }
  REQUIRE(applied(w.step(w.staff_c1, kApp, id, "request_info", {{"info_request", "请补充工作单位"}})));
  if (state == "needs_info") return;
  REQUIRE(applied(w.step(applicant, kApp, id, "resubmit", {{"employer", "美团外卖"}})));
  REQUIRE(state == "resubmitted");
}

// The parameters a step needs to succeed.
json params_for(const std::string& transition) {
  if (transition == "reject") return {{"reject_reason", "资料不实"}};
  if (transition == "request_info") return {{"info_request", "请补充单位"}};
  if (transition == "submit" || transition == "resubmit") return {{"consent", true}};
  return json::object();
}

struct TransitionRule {
  std::set<std::string> from;
  bool applicant_step;  // the applicant's (owner's) step; else a staff decision
};

const std::map<std::string, TransitionRule>& rules() {
  static const std::map<std::string, TransitionRule> r = {
      {"revise", {{"draft"}, true}},
      {"submit", {{"draft"}, true}},
      {"resubmit", {{"needs_info"}, true}},
      {"withdraw", {{"draft", "submitted", "needs_info", "resubmitted"}, true}},
      {"approve", {{"submitted", "resubmitted"}, false}},
      {"reject", {{"submitted", "resubmitted"}, false}},
      {"request_info", {{"submitted", "resubmitted"}, false}},
  };
  return r;
}

}  // namespace

TEST_SUITE("membership") {

TEST_CASE("application: untrusted JSON gives field errors") {
  CHECK(has_error(decode_application(json(3)).errors, "membership_application", "type_invalid"));
  const Errors missing = decode_application(json::object()).errors;
  for (const char* f : {"name", "phone", "trade", "area", "unit_id", "status"}) {
    INFO(f);
    CHECK(has_error(missing, f, "required"));
  }
  json good = with(own_application(), {{"status", "draft"}});
  REQUIRE(decode_application(good).ok());
  CHECK(has_error(decode_application(with(good, {{"name", 42}})).errors, "name", "type_invalid"));
  CHECK(has_error(decode_application(with(good, {{"name", "张3"}})).errors, "name", "name_invalid"));
  CHECK(has_error(decode_application(with(good, {{"name", std::string(31 * 3, 'a')}})).errors, "name", "too_long"));
  CHECK(has_error(decode_application(with(good, {{"phone", "12345"}})).errors, "phone", "phone_invalid"));
  CHECK(has_error(decode_application(with(good, {{"phone", "+86 138 0013 8000"}})).errors, "phone", "phone_not_normalized"));
  CHECK(has_error(decode_application(with(good, {{"phone", 13800138000}})).errors, "phone", "type_invalid"));
  CHECK(has_error(decode_application(with(good, {{"trade", "pilot"}})).errors, "trade", "enum_invalid"));
  CHECK(has_error(decode_application(with(good, {{"employer", std::string(101, 'x')}})).errors, "employer", "too_long"));
  CHECK(has_error(decode_application(with(good, {{"area", "城东"}})).errors, "area", "area_invalid"));
  CHECK(has_error(decode_application(with(good, {{"owner_id", "me"}})).errors, "owner_id", "id_invalid"));
  CHECK(has_error(decode_application(with(good, {{"unit_id", ""}})).errors, "unit_id", "required"));
  CHECK(has_error(decode_application(with(good, {{"routing_reason", "luck"}})).errors, "routing_reason", "enum_invalid"));
  CHECK(has_error(decode_application(with(good, {{"routing_reason", 5}})).errors, "routing_reason", "type_invalid"));
  CHECK(decode_application(with(good, {{"routing_reason", ""}})).ok());
  CHECK(has_error(decode_application(with(good, {{"consent", "yes"}})).errors, "consent", "type_invalid"));
  CHECK(has_error(decode_application(with(good, {{"status", "lost"}})).errors, "status", "enum_invalid"));
  CHECK(has_error(decode_application(with(good, {{"member_no", "12345"}})).errors, "member_no", "member_no_invalid"));
  CHECK(has_error(decode_application(with(good, {{"created_at", "yesterday"}})).errors, "created_at", "datetime_invalid"));
  CHECK(has_error(decode_application(with(good, {{"steps", "lots"}})).errors, "steps", "steps_invalid"));
  CHECK(has_error(decode_application(with(good, {{"id_card", "3212..."}})).errors, "id_card", "field_unknown"));
  CHECK(has_error(decode_application(with(good, {{"reject_reason", std::string(201, 'x')}})).errors, "reject_reason", "too_long"));
  // Empty owner: someone without an account, enrolled by staff.
  CHECK(decode_application(with(good, {{"owner_id", ""}})).ok());
}

TEST_CASE("application: what each state implies holds after every change") {
  json base = with(own_application(), {{"consent", true}});
  CHECK(has_error(decode_application(with(own_application(), {{"status", "submitted"}})).errors, "consent", "consent_required"));
  CHECK(decode_application(with(own_application(), {{"status", "withdrawn"}})).ok());
  CHECK(has_error(decode_application(with(base, {{"status", "approved"}})).errors, "member_no", "required"));
  CHECK(has_error(decode_application(with(base, {{"status", "submitted"}, {"member_no", "NX-20260701-7K3M9-QXD2F"}})).errors,
                  "member_no", "member_no_unexpected"));
  CHECK(has_error(decode_application(with(base, {{"status", "rejected"}, {"reject_reason", " "}})).errors, "reject_reason", "required"));
  CHECK(has_error(decode_application(with(base, {{"status", "needs_info"}})).errors, "info_request", "required"));
}

TEST_CASE("application: every transition, from every state, by every role") {
  struct Who {
    const char* label;
    Actor World::*actor;
    bool owner;  // the applicant
    bool staff;  // staff of the unit or above, or admin
  };
  const std::vector<Who> roles = {
      {"owner worker", &World::worker, true, false},        {"other worker", &World::other_worker, false, false},
      {"staff of the unit", &World::staff_c1, false, true}, {"staff of the parent", &World::staff_t1, false, true},
      {"staff of the district", &World::staff_d, false, true}, {"staff of a sibling town", &World::staff_t2, false, false},
      {"staff of a sibling community", &World::staff_c2, false, false}, {"admin", &World::admin, false, true},
  };
  int allowed = 0, refused = 0;
  for (const auto& entry : rules()) {
    const std::string& transition = entry.first;  // named, not bound: INFO captures it
    const TransitionRule& rule = entry.second;
    for (std::string_view state : kApplicationStates) {
      for (const Who& who : roles) {
        World w;
        const std::string id = rid(1);
        bring_to(w, id, std::string(state));
        const auto r = w.step(w.*who.actor, kApp, id, transition, params_for(transition));
        std::string expected;
        const bool may = rule.applicant_step ? (who.owner || who.staff) : who.staff;
        if (!may) expected = "transition_forbidden";
        else if (!rule.from.count(std::string(state))) expected = "transition_invalid";
        else if (rule.applicant_step && !who.owner) expected = "applicant_only";  // the worker made it: theirs to do
        INFO(transition, " from ", state, " by ", who.label);
        CHECK(code_of(r) == expected);
        if (expected.empty()) {
          ++allowed;
          const std::string to(application_workflow().find(transition)->to);
          CHECK(w.status_of(kApp, id) == to);
        } else {
          ++refused;
          CHECK(w.status_of(kApp, id) == state);
        }
      }
    }
  }
  // The owner: revise, submit, resubmit from one state each and withdraw from four (7); four
  // staff roles x three decisions x two states (24).
  CHECK(allowed == 31);
  CHECK(refused == 7 * 7 * 8 - 31);
}

TEST_CASE("application entered by staff on the spot (集中入会): the staff side may do the applicant's steps") {
  struct Who {
    const char* label;
    Actor World::*actor;
    bool may;
  };
  const std::vector<Who> roles = {
      {"a worker", &World::worker, false},          {"staff of the unit", &World::staff_c1, true},
      {"staff of the parent", &World::staff_t1, true}, {"staff of the district", &World::staff_d, true},
      {"staff of a sibling town", &World::staff_t2, false}, {"admin", &World::admin, true},
  };
  for (const Who& who : roles) {
    for (const char* transition : {"submit", "withdraw", "revise"}) {
      World w;
      bring_to(w, rid(1), "draft", /*by_staff=*/true);
      INFO(transition, " by ", who.label);
      const auto r = w.step(w.*who.actor, kApp, rid(1), transition, params_for(transition));
      CHECK(code_of(r) == (who.may ? "" : "transition_forbidden"));
    }
    World w;
    bring_to(w, rid(1), "needs_info", /*by_staff=*/true);
    INFO("resubmit by ", who.label);
    CHECK(code_of(w.step(w.*who.actor, kApp, rid(1), "resubmit")) == (who.may ? "" : "transition_forbidden"));
  }

  // Staff entered it for a worker who has an account: either of them may submit.
  for (Actor World::*actor : {&World::worker, &World::staff_c1}) {
    World w;
    REQUIRE(applied(w.create(w.staff_c1, kApp, rid(2), own_application())));
    CHECK(w.get(kApp, rid(2)).str("created_by") == "s-c1");
    CHECK(applied(w.step(w.*actor, kApp, rid(2), "submit", {{"consent", true}})));
  }
  World w;
  REQUIRE(applied(w.create(w.staff_c1, kApp, rid(2), own_application())));
  CHECK(code_of(w.step(w.other_worker, kApp, rid(2), "submit", {{"consent", true}})) == "transition_forbidden");
}

TEST_CASE("application: who may create one") {
  World w;
  // A worker applies for themselves.
  CHECK(applied(w.create(w.worker, kApp, rid(1), own_application())));
  CHECK(w.status_of(kApp, rid(1)) == "draft");
  CHECK(w.get(kApp, rid(1)).str("created_by") == kWorker);
  CHECK(w.get(kApp, rid(1)).str("created_at") == "2026-07-01T02:00:00Z");
  // Not for someone else, and not without naming themselves.
  CHECK(code_of(w.create(w.other_worker, kApp, rid(2), own_application())) == "forbidden");
  json no_owner = own_application();
  no_owner.erase("owner_id");
  CHECK(code_of(w.create(w.worker, kApp, rid(2), no_owner)) == "forbidden");
  // Staff of the unit or above enrol people without an account; staff elsewhere may not.
  CHECK(applied(w.create(w.staff_c1, kApp, rid(3), with(no_owner, {{"phone", "13900000001"}}))));
  CHECK(w.get(kApp, rid(3)).str("created_by") == "s-c1");
  CHECK(applied(w.create(w.staff_t1, kApp, rid(4), with(no_owner, {{"phone", "13900000002"}}))));
  CHECK(applied(w.create(w.staff_d, kApp, rid(5), with(no_owner, {{"phone", "13900000003"}}))));
  CHECK(applied(w.create(w.admin, kApp, rid(6), with(no_owner, {{"phone", "13900000004"}}))));
  CHECK(code_of(w.create(w.staff_t2, kApp, rid(7), no_owner)) == "forbidden");
  CHECK(code_of(w.create(w.staff_c2, kApp, rid(7), no_owner)) == "forbidden");
  // Nobody types a status, member number or creator.
  CHECK(code_of(w.create(w.staff_c1, kApp, rid(7), with(no_owner, {{"status", "approved"}}))) == "field_protected");
  CHECK(code_of(w.create(w.staff_c1, kApp, rid(7), with(no_owner, {{"member_no", "NX-20260701-7K3M9-QXD2F"}}))) == "field_protected");
  CHECK(code_of(w.create(w.staff_c1, kApp, rid(7), with(no_owner, {{"created_by", "someone"}}))) == "field_protected");
  // The unit must exist.
  CHECK(code_of(w.create(w.admin, kApp, rid(7), with(no_owner, {{"unit_id", rid(999)}}))) == "unit_unknown");
  // Bad fields are refused with the field named.
  auto bad = w.create(w.worker, kApp, rid(7), with(own_application(), {{"phone", "110"}}));
  CHECK(code_of(bad) == "phone_invalid");
  CHECK(bad.reason->field == "phone");
}

TEST_CASE("application: one open application per worker, and none for a member") {
  World w;
  REQUIRE(applied(w.create(w.worker, kApp, rid(1), own_application())));
  CHECK(code_of(w.create(w.worker, kApp, rid(2), own_application())) == "application_open");
  REQUIRE(applied(w.step(w.worker, kApp, rid(1), "submit", {{"consent", true}})));
  CHECK(code_of(w.create(w.worker, kApp, rid(2), own_application())) == "application_open");
  REQUIRE(applied(w.step(w.worker, kApp, rid(1), "withdraw", {{"withdraw_reason", "填错了"}})));
  CHECK(w.get(kApp, rid(1)).str("withdraw_reason") == "填错了");
  REQUIRE(applied(w.create(w.worker, kApp, rid(2), own_application())));
  REQUIRE(applied(w.step(w.worker, kApp, rid(2), "submit", {{"consent", true}})));
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(2), "approve")));
  REQUIRE(applied(w.create(w.staff_c1, "member", rid(3), member_from(rid(2)))));
  auto again = w.create(w.worker, kApp, rid(4), own_application());
  CHECK(code_of(again) == "already_member");
  CHECK(again.reason->message_zh.find(w.get("member", rid(3)).str("member_no")) != std::string::npos);
}

TEST_CASE("application: submitting needs consent; the steps take only their own fields") {
  World w;
  REQUIRE(applied(w.create(w.worker, kApp, rid(1), own_application())));
  auto no_consent = w.step(w.worker, kApp, rid(1), "submit");
  CHECK(code_of(no_consent) == "consent_required");
  CHECK(no_consent.reason->field == "consent");
  CHECK(code_of(w.step(w.worker, kApp, rid(1), "submit", {{"consent", false}})) == "consent_required");
  // The applicant may not move their application to another unit, nor set a member number.
  CHECK(code_of(w.step(w.worker, kApp, rid(1), "submit", {{"consent", true}, {"unit_id", kC2}})) == "param_not_allowed");
  CHECK(code_of(w.step(w.worker, kApp, rid(1), "submit", {{"consent", true}, {"member_no", "x"}})) == "field_protected");
  // A draft is fixed through "revise"; a bad fix is refused with its field.
  CHECK(applied(w.step(w.worker, kApp, rid(1), "revise", {{"employer", "饿了么"}, {"consent", true}})));
  CHECK(w.get(kApp, rid(1)).str("employer") == "饿了么");
  CHECK(code_of(w.step(w.worker, kApp, rid(1), "revise", {{"phone", "1"}})) == "phone_invalid");
  CHECK(code_of(w.step(w.worker, kApp, rid(1), "revise", {{"unit_id", kC2}})) == "param_not_allowed");
  // Direct edits are staff's, never the applicant's.
  CHECK(code_of(w.edit(w.worker, kApp, rid(1), {{"name", "张三丰"}})) == "forbidden");

  REQUIRE(applied(w.step(w.worker, kApp, rid(1), "submit")));
  CHECK(w.get(kApp, rid(1)).str("submitted_at") == "2026-07-01T02:00:00Z");
  CHECK(code_of(w.step(w.staff_c1, kApp, rid(1), "approve", {{"name", "王五"}})) == "param_not_allowed");
  CHECK(code_of(w.step(w.staff_c1, kApp, rid(1), "reject", {{"reject_reason", "x"}, {"consent", false}})) == "param_not_allowed");
  CHECK(code_of(w.step(w.staff_c1, kApp, rid(1), "request_info", {{"info_request", "x"}, {"info_reply", "y"}})) == "param_not_allowed");
  CHECK(code_of(w.step(w.worker, kApp, rid(1), "withdraw", {{"name", "x"}})) == "param_not_allowed");
}

TEST_CASE("application: reject and request_info need their words") {
  World w;
  bring_to(w, rid(1), "submitted");
  for (const char* t : {"reject", "request_info"}) {
    const std::string field = std::string(t) == "reject" ? "reject_reason" : "info_request";
    INFO(t);
    auto none = w.step(w.staff_c1, kApp, rid(1), t);
    CHECK(code_of(none) == "required");
    CHECK(none.reason->field == field);
    CHECK(code_of(w.step(w.staff_c1, kApp, rid(1), t, {{field, " 　 "}})) == "required");
    CHECK(code_of(w.step(w.staff_c1, kApp, rid(1), t, {{field, std::string(201, 'x')}})) == "too_long");
    CHECK(code_of(w.step(w.staff_c1, kApp, rid(1), t, {{field, 7}})) == "required");
  }
  CHECK(w.status_of(kApp, rid(1)) == "submitted");
  // A second request for information asks anew: the earlier words do not stand in.
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(1), "request_info", {{"info_request", "请补充单位"}})));
  REQUIRE(applied(w.step(w.worker, kApp, rid(1), "resubmit", {{"employer", "美团"}, {"info_reply", "在美团"}})));
  CHECK(code_of(w.step(w.staff_c1, kApp, rid(1), "request_info")) == "required");
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(1), "reject", {{"reject_reason", "不在本区工作"}})));
  const sync::Record& r = w.get(kApp, rid(1));
  CHECK(r.str("reject_reason") == "不在本区工作");
  CHECK(r.str("decided_by") == "s-c1");
  CHECK(r.str("info_reply") == "在美团");
}

TEST_CASE("application: approval issues the member number and records who decided") {
  World w;
  bring_to(w, rid(1), "resubmitted");
  REQUIRE(applied(w.step(w.staff_t1, kApp, rid(1), "approve")));
  const sync::Record& r = w.get(kApp, rid(1));
  CHECK(r.str("member_no") == member_number(rid(1), civil::Date{2026, 7, 1}));
  CHECK(r.str("decided_by") == "s-t1");
  CHECK(r.str("decided_at") == "2026-07-01T02:00:00Z");
  // Approval is final.
  CHECK(code_of(w.step(w.staff_c1, kApp, rid(1), "reject", {{"reject_reason", "x"}})) == "transition_invalid");
  CHECK(code_of(w.step(w.worker, kApp, rid(1), "withdraw")) == "transition_invalid");
  // The number cannot be edited afterwards, by anyone.
  CHECK(code_of(w.edit(w.admin, kApp, rid(1), {{"member_no", "NX-20260701-00000-00000"}})) == "field_protected");

  // The steps are logged with who and when.
  const auto steps = read_steps(r.fields);
  std::vector<std::string> names;
  for (const auto& s : steps) names.push_back(s.step);
  CHECK(names == std::vector<std::string>{"create", "submit", "request_info", "resubmit", "approve"});
  CHECK(steps.back().by == "s-t1");
  CHECK(steps.back().note == r.str("member_no"));
  CHECK(steps[2].note == "请补充工作单位");
}

TEST_CASE("application: one person, one membership — approval refuses a phone already in") {
  World w;
  bring_to(w, rid(1), "submitted");
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(1), "approve")));
  // Staff enter the same person again at an enrolment event (no account, same phone).
  json again = with(person(), {{"unit_id", kC1}, {"consent", true}});
  REQUIRE(applied(w.create(w.staff_c1, kApp, rid(2), again)));
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(2), "submit")));
  auto dup = w.step(w.staff_c1, kApp, rid(2), "approve");
  CHECK(code_of(dup) == "already_member");
  CHECK(dup.reason->field == "phone");
  // Also once the member record exists, and when the member has lapsed (renew instead).
  REQUIRE(applied(w.create(w.staff_c1, "member", rid(3), member_from(rid(1)))));
  CHECK(code_of(w.step(w.staff_c1, kApp, rid(2), "approve")) == "already_member");
  REQUIRE(applied(w.step(w.staff_c1, "member", rid(3), "lapse")));
  auto lapsed = w.step(w.staff_c1, kApp, rid(2), "approve");
  CHECK(code_of(lapsed) == "already_member");
  CHECK(lapsed.reason->message_zh.find("恢复") != std::string::npos);
  // A different phone goes through.
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(2), "request_info", {{"info_request", "手机号是否有误"}})));
  REQUIRE(applied(w.step(w.staff_c1, kApp, rid(2), "resubmit", {{"phone", "13700137000"}})));
  CHECK(applied(w.step(w.staff_c1, kApp, rid(2), "approve")));
}

TEST_CASE("application: staff correct and re-route within their own part of the tree") {
  World w;
  bring_to(w, rid(1), "submitted");
  CHECK(applied(w.edit(w.staff_c1, kApp, rid(1), {{"name", "张叁"}})));
  CHECK(code_of(w.edit(w.staff_t2, kApp, rid(1), {{"name", "x"}})) == "forbidden");
  // C1 staff cannot hand it to the other town; T1 staff can move it to T1's courier union.
  CHECK(code_of(w.edit(w.staff_c1, kApp, rid(1), {{"unit_id", kC2}})) == "forbidden");
  CHECK(applied(w.edit(w.staff_t1, kApp, rid(1), {{"unit_id", kIC}, {"routing_reason", ""}})));
  // Edits still keep the state's rules.
  auto broke = w.edit(w.staff_t1, kApp, rid(1), {{"consent", false}});
  CHECK(code_of(broke) == "consent_required");
  CHECK(code_of(w.edit(w.staff_t1, kApp, rid(1), {{"nickname", "三儿"}})) == "field_unknown");
}

TEST_CASE("application: rules that read other records refuse when there are none") {
  World w;
  bring_to(w, rid(1), "submitted");
  const UnitTree units = units_from(w.records);
  sync::Op op;
  op.op_id = rid(700);
  op.kind = kApp;
  op.id = rid(1);
  op.hlc = sync::Hlc{w.now + 1000, 0, "dev1"};
  op.transition = "approve";
  const sync::Record current = w.get(kApp, rid(1));
  auto r = sync::apply_op(&current, op, sync::ApplyContext{kinds::registry(), w.staff_c1, units, nullptr, w.now});
  CHECK(code_of(r) == "records_unavailable");
  op.transition.clear();
  op.id = rid(2);
  op.set = own_application(kOtherWorker);
  CHECK(code_of(sync::apply_op(nullptr, op, sync::ApplyContext{kinds::registry(), w.other_worker, units, nullptr, w.now})) ==
        "records_unavailable");
}

}
