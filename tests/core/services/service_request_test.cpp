#include "core/services/service_request.h"

#include <doctest/doctest.h>

#include "services_world.h"

using namespace nx;
using namespace nx::services;
using namespace nx::svc_test;

namespace {

const std::string kRequest = uuid(501);
const std::string kProvider3 = uuid(203);

json request_fields() {
  return {{"category", "legal_aid"},
          {"topic", "unpaid_wages"},
          {"description", "外卖站点拖欠我三个月工资，站长不接电话"},
          {"owner_id", kOwnerUser},
          {"unit_id", kTown1}};
}

json provider_fields(std::vector<std::string> services, bool active = true) {
  return {{"name", "服务方"}, {"type", "lawyer"}, {"services", services}, {"unit_id", kDistrict}, {"active", active}};
}

json match_params(const std::string& provider = kProvider1, const std::string& due = "2026-07-10") {
  return {{"provider_id", provider}, {"due_date", due}};
}

World with_providers() {
  World w;
  const Actor& admin = person("admin");
  w.must(w.set(admin, "provider", kProvider1, provider_fields({"legal_consultation", "legal_aid"})));
  w.must(w.set(admin, "provider", kProvider2, provider_fields({"health"})));
  w.must(w.set(admin, "provider", kProvider3, provider_fields({"legal_aid"})));
  return w;
}

// A request of the owner's in town T1, taken through the steps to `state`.
World request_in(const std::string& state) {
  World w = with_providers();
  w.must(w.set(person("owner"), "service_request", kRequest, request_fields()));
  if (state == "ordered") return w;
  if (state == "cancelled") {
    w.must(w.step(person("owner"), "service_request", kRequest, "cancel"));
    return w;
  }
  w.must(w.step(person("unit_staff"), "service_request", kRequest, "match", match_params()));
  if (state == "matched") return w;
  w.must(w.step(person("provider"), "service_request", kRequest, "deliver"));
  if (state == "delivered") return w;
  if (state == "reopened") {
    w.must(w.step(person("owner"), "service_request", kRequest, "reopen", {{"reason", "律师只回复了一句话"}}));
    return w;
  }
  w.must(w.step(person("owner"), "service_request", kRequest, "confirm", {{"rating", 5}}));
  REQUIRE(state == "confirmed");
  return w;
}

const json& fields(const World& w) { return w.get("service_request", kRequest).fields; }

struct StepCase {
  std::string transition;
  std::string by;
  json params;
  std::set<std::string> from;
};

const std::vector<StepCase>& step_cases() {
  static const std::vector<StepCase> cases = {
      {"match", "unit_staff", match_params(), {"ordered", "matched", "reopened"}},
      {"deliver", "unit_staff", json::object(), {"matched"}},  // (a provider is assigned only from matched on)
      {"confirm", "owner", {{"rating", 4}}, {"delivered"}},
      {"reopen", "owner", {{"reason", "问题没解决"}}, {"delivered", "confirmed"}},
      {"cancel", "owner", json::object(), {"ordered", "matched", "reopened"}},
      {"cancel_by_staff", "unit_staff", {{"reason", "工人已自行解决"}}, {"ordered", "matched", "delivered", "reopened"}},
  };
  return cases;
}

}  // namespace

TEST_SUITE("services/service_request") {

TEST_CASE("a request's fields are checked") {
  json ordered = request_fields();
  ordered["status"] = "ordered";
  CHECK(validate_service_request(ordered).empty());
  auto with = [&](const char* f, json v) {
    json j = ordered;
    j[f] = std::move(v);
    return validate_service_request(j);
  };
  auto without = [&](const char* f) {
    json j = ordered;
    j.erase(f);
    return validate_service_request(j);
  };
  for (const char* f : {"category", "description", "owner_id", "unit_id", "status", "topic"}) {
    CAPTURE(f);
    CHECK(has_error(without(f), "required", f));
  }
  CHECK(has_error(with("category", "massage"), "enum_invalid", "category"));
  CHECK(has_error(with("category", 3), "type_invalid", "category"));
  CHECK(has_error(with("topic", "divorce"), "enum_invalid", "topic"));
  CHECK(has_error(with("description", std::string(1001, 'x')), "too_long", "description"));
  CHECK(has_error(with("description", "   "), "required", "description"));
  CHECK(has_error(with("owner_id", 101), "type_invalid", "owner_id"));
  CHECK(has_error(with("status", "done"), "enum_invalid", "status"));
  CHECK(has_error(with("shoe_size", 42), "field_unknown", "shoe_size"));
  // A topic belongs to legal requests only; legal consultation may have one, need not.
  json health = ordered;
  health["category"] = "health_check";
  CHECK(has_error(validate_service_request(health), "topic_not_allowed", "topic"));
  health.erase("topic");
  CHECK(validate_service_request(health).empty());
  json consult = ordered;
  consult["category"] = "legal_consultation";
  CHECK(validate_service_request(consult).empty());
  consult.erase("topic");
  CHECK(validate_service_request(consult).empty());
}

TEST_CASE("each state carries what its steps set, and nothing they have not") {
  json r = request_fields();
  r["status"] = "ordered";
  r["provider_id"] = kProvider1;
  CHECK(has_error(validate_service_request(r), "state_mismatch", "provider_id"));
  r["status"] = "matched";
  CHECK(has_error(validate_service_request(r), "required", "due_date"));
  r["due_date"] = "2026-07-10";
  CHECK(validate_service_request(r).empty());
  r["rating"] = 5;
  CHECK(has_error(validate_service_request(r), "state_mismatch", "rating"));
  r["status"] = "confirmed";
  CHECK(validate_service_request(r).empty());
  r.erase("rating");
  CHECK(has_error(validate_service_request(r), "required", "rating"));
  r["rating"] = 6;
  CHECK(has_error(validate_service_request(r), "out_of_range", "rating"));
  r["rating"] = 3;
  r["cancel_reason"] = "x";
  CHECK(has_error(validate_service_request(r), "state_mismatch", "cancel_reason"));
}

TEST_CASE("who may order: the worker for themselves, staff of the unit for a worker") {
  check_who(World{}, {"owner", "unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.set(a, "service_request", kRequest, request_fields()); }, "forbidden");
  World w;
  auto created = w.set(person("owner"), "service_request", kRequest, request_fields());
  REQUIRE(applied(created));
  CHECK(created.record.fields["status"] == "ordered");
}

TEST_CASE("nobody slips a provider, a rating or a state into a new request") {
  World w = with_providers();
  json f = request_fields();
  f["provider_id"] = kProvider1;
  f["due_date"] = "2026-07-10";
  CHECK(code_of(w.set(person("owner"), "service_request", kRequest, f)) == "state_mismatch");
  f = request_fields();
  f["status"] = "confirmed";
  CHECK(code_of(w.set(person("owner"), "service_request", kRequest, f)) == "field_protected");
  f = request_fields();
  f["delivered_at"] = "2026-07-06T02:00:00Z";
  CHECK(code_of(w.set(person("unit_staff"), "service_request", kRequest, f)) == "field_protected");
}

TEST_CASE("after ordering, fields change only through the steps") {
  World w = request_in("matched");
  // The owner cannot swap the provider or push the due date, nor can staff skip the match rules.
  CHECK(code_of(w.set(person("owner"), "service_request", kRequest, {{"provider_id", kProvider3}})) == "forbidden");
  CHECK(code_of(w.set(person("unit_staff"), "service_request", kRequest, {{"due_date", "2027-01-01"}})) == "forbidden");
  CHECK(code_of(w.set(person("owner"), "service_request", kRequest, {{"description", "改一下"}})) == "forbidden");
  CHECK(code_of(w.remove(person("owner"), "service_request", kRequest)) == "forbidden");
  CHECK(fields(w)["provider_id"] == kProvider1);
  // A step takes only its own parameters: a delivery cannot rewrite the description.
  CHECK(code_of(w.step(person("provider"), "service_request", kRequest, "deliver", {{"description", "已解决"}})) == "param_unknown");
  CHECK(code_of(w.step(person("unit_staff"), "service_request", kRequest, "match",
                       {{"provider_id", kProvider3}, {"due_date", "2026-07-20"}, {"unit_id", kTown2}})) == "param_unknown");
  CHECK(fields(w)["status"] == "matched");
}

TEST_CASE("each step by role: allowed exactly for those it names") {
  check_who(request_in("ordered"), {"unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.step(a, "service_request", kRequest, "match", match_params()); });
  check_who(request_in("matched"), {"provider", "unit_staff", "ancestor_staff", "admin"},
            [](World& w, const Actor& a) { return w.step(a, "service_request", kRequest, "deliver"); });
  check_who(request_in("delivered"), {"owner"},
            [](World& w, const Actor& a) { return w.step(a, "service_request", kRequest, "confirm", {{"rating", 4}}); });
  check_who(request_in("delivered"), {"owner"}, [](World& w, const Actor& a) {
    return w.step(a, "service_request", kRequest, "reopen", {{"reason", "没解决"}});
  });
  check_who(request_in("matched"), {"owner"}, [](World& w, const Actor& a) { return w.step(a, "service_request", kRequest, "cancel"); });
  check_who(request_in("delivered"), {"unit_staff", "ancestor_staff", "admin"}, [](World& w, const Actor& a) {
    return w.step(a, "service_request", kRequest, "cancel_by_staff", {{"reason", "重复申请"}});
  });
}

TEST_CASE("each step from each state: allowed only from the states it starts from") {
  for (const StepCase& c : step_cases()) {
    for (std::string_view state : kRequestStates) {
      World w = request_in(std::string(state));
      auto r = w.step(person(c.by), "service_request", kRequest, c.transition, c.params);
      CAPTURE(c.transition);
      CAPTURE(state);
      if (c.from.count(std::string(state))) {
        INFO(code_of(r));
        CHECK(applied(r));
      } else {
        CHECK(code_of(r) == "transition_invalid");
        CHECK(fields(w)["status"] == state);
      }
    }
  }
}

TEST_CASE("match assigns a provider who offers the service, with a due date from today on") {
  World w = request_in("ordered");
  const Actor& staff = person("unit_staff");
  auto step = [&](json params) { return w.step(staff, "service_request", kRequest, "match", std::move(params)); };
  CHECK(code_of(step(match_params(kProvider1, "2026-07-05"))) == "due_date_past");
  CHECK(code_of(step(match_params(kProvider1, "2026/07/10"))) == "date_invalid");
  CHECK(code_of(step({{"due_date", "2026-07-10"}})) == "required");
  CHECK(code_of(step({{"provider_id", kProvider1}})) == "required");
  CHECK(code_of(step(match_params("p1"))) == "id_invalid");
  CHECK(code_of(step(match_params(uuid(299)))) == "not_found");
  CHECK(code_of(step(match_params(kProvider2))) == "provider_unavailable");  // health only
  w.must(w.set(person("admin"), "provider", kProvider3, {{"active", false}}));
  CHECK(code_of(step(match_params(kProvider3))) == "provider_unavailable");  // takes no new requests
  w.must(w.remove(person("admin"), "provider", kProvider3));
  CHECK(code_of(step(match_params(kProvider3))) == "not_found");
  CHECK(fields(w)["status"] == "ordered");

  World offline = w;
  offline.with_records = false;
  CHECK(code_of(offline.step(staff, "service_request", kRequest, "match", match_params())) == "records_unavailable");

  REQUIRE(applied(step(match_params(kProvider1, "2026-07-06"))));  // today is fine
  CHECK(fields(w)["status"] == "matched");
  CHECK(fields(w)["provider_id"] == kProvider1);
  CHECK(fields(w)["due_date"] == "2026-07-06");
}

TEST_CASE("reassigning moves the request to the new provider") {
  World w = request_in("matched");
  w.must(w.set(person("admin"), "provider", kProvider2, {{"services", {"legal_aid"}}}));
  w.must(w.step(person("ancestor_staff"), "service_request", kRequest, "match", match_params(kProvider2, "2026-07-20")));
  CHECK(fields(w)["provider_id"] == kProvider2);
  CHECK(fields(w)["due_date"] == "2026-07-20");
  World first = w;
  CHECK(code_of(first.step(person("provider"), "service_request", kRequest, "deliver")) == "transition_forbidden");
  CHECK(applied(w.step(person("other_provider"), "service_request", kRequest, "deliver")));
}

TEST_CASE("deliver and confirm record when, and confirm takes a 1-5 rating and a comment") {
  World w = request_in("matched");
  CHECK(code_of(w.step(person("provider"), "service_request", kRequest, "deliver", {{"note", "x"}})) == "param_unknown");
  w.must(w.step(person("provider"), "service_request", kRequest, "deliver"));
  CHECK(fields(w)["delivered_at"] == civil::format_datetime_utc(kNow));
  const Actor& owner = person("owner");
  auto confirm = [&](json params) { return w.step(owner, "service_request", kRequest, "confirm", std::move(params)); };
  CHECK(code_of(confirm(json::object())) == "required");
  CHECK(code_of(confirm({{"rating", 0}})) == "out_of_range");
  CHECK(code_of(confirm({{"rating", 6}})) == "out_of_range");
  CHECK(code_of(confirm({{"rating", "5"}})) == "type_invalid");
  CHECK(code_of(confirm({{"rating", 4.5}})) == "type_invalid");
  CHECK(code_of(confirm({{"rating", 5}, {"comment", std::string(501, 'x')}})) == "too_long");
  CHECK(code_of(confirm({{"rating", 5}, {"stars", 5}})) == "param_unknown");
  CHECK(fields(w)["status"] == "delivered");
  REQUIRE(applied(confirm({{"rating", 1}, {"comment", "律师很耐心"}})));
  CHECK(fields(w)["status"] == "confirmed");
  CHECK(fields(w)["rating"] == 1);
  CHECK(fields(w)["comment"] == "律师很耐心");
  CHECK(fields(w)["confirmed_at"] == civil::format_datetime_utc(kNow));
  World five = request_in("delivered");
  CHECK(applied(five.step(owner, "service_request", kRequest, "confirm", {{"rating", 5}})));
}

TEST_CASE("reopen needs a reason and, after confirming, comes within the window") {
  World w = request_in("confirmed");
  const Actor& owner = person("owner");
  CHECK(code_of(w.step(owner, "service_request", kRequest, "reopen")) == "required");
  CHECK(code_of(w.step(owner, "service_request", kRequest, "reopen", {{"reason", "  "}})) == "required");
  World late = w;
  late.now_ms = kNow + kReopenWindowDays * kDayMs + 60'000;
  CHECK(code_of(late.step(owner, "service_request", kRequest, "reopen", {{"reason", "又被拖欠了"}})) == "reopen_window_passed");
  World last_moment = w;
  last_moment.now_ms = kNow + kReopenWindowDays * kDayMs;
  REQUIRE(applied(last_moment.step(owner, "service_request", kRequest, "reopen", {{"reason", "又被拖欠了"}})));
  const json& f = fields(last_moment);
  CHECK(f["status"] == "reopened");
  CHECK(f["reopen_reason"] == "又被拖欠了");
  CHECK_FALSE(f.contains("reason"));
  CHECK_FALSE(f.contains("rating"));
  CHECK_FALSE(f.contains("confirmed_at"));
  CHECK(f["provider_id"] == kProvider1);
  // Matched again, delivered again, confirmed again.
  last_moment.must(last_moment.step(person("unit_staff"), "service_request", kRequest, "match", match_params(kProvider3, "2026-07-20")));
  last_moment.must(last_moment.step(person("unit_staff"), "service_request", kRequest, "deliver"));
  last_moment.must(last_moment.step(owner, "service_request", kRequest, "confirm", {{"rating", 4}}));
  CHECK(fields(last_moment)["rating"] == 4);
}

TEST_CASE("cancel: the owner's reason is optional, staff must give one") {
  World w = request_in("ordered");
  w.must(w.step(person("owner"), "service_request", kRequest, "cancel"));
  CHECK(fields(w)["status"] == "cancelled");
  CHECK_FALSE(fields(w).contains("cancel_reason"));
  World with_reason = request_in("matched");
  with_reason.must(with_reason.step(person("owner"), "service_request", kRequest, "cancel", {{"reason", "已和老板谈妥"}}));
  CHECK(fields(with_reason)["cancel_reason"] == "已和老板谈妥");
  CHECK_FALSE(fields(with_reason).contains("reason"));

  World staff = request_in("matched");
  CHECK(code_of(staff.step(person("unit_staff"), "service_request", kRequest, "cancel_by_staff")) == "required");
  CHECK(code_of(staff.step(person("unit_staff"), "service_request", kRequest, "cancel_by_staff", {{"reason", 5}})) == "type_invalid");
  CHECK(code_of(staff.step(person("unit_staff"), "service_request", kRequest, "cancel", {{"reason", "x"}})) == "transition_forbidden");
  staff.must(staff.step(person("unit_staff"), "service_request", kRequest, "cancel_by_staff", {{"reason", "联系不上本人"}}));
  CHECK(fields(staff)["cancel_reason"] == "联系不上本人");
}

TEST_CASE("overdue: matched and past the due date, by the China calendar") {
  World w = request_in("matched");  // due 2026-07-10
  const json& f = fields(w);
  CHECK_FALSE(is_overdue(f, civil::from_china_local({2026, 7, 10}, 23 * 60 + 59)));
  CHECK(is_overdue(f, civil::from_china_local({2026, 7, 11}, 0)));
  // 2026-07-10 16:30 UTC is already 07-11 00:30 in China.
  CHECK(is_overdue(f, *civil::parse_datetime_ms("2026-07-10T16:30:00Z")));
  World delivered = request_in("delivered");
  CHECK_FALSE(is_overdue(fields(delivered), civil::from_china_local({2026, 8, 1}, 0)));
  CHECK_FALSE(is_overdue(fields(request_in("ordered")), civil::from_china_local({2026, 8, 1}, 0)));
}

TEST_CASE("a category needs the matching provider service") {
  CHECK(service_for_category("health_check") == "health");
  CHECK(service_for_category("legal_aid") == "legal_aid");
  CHECK(service_for_category("training") == "training");
  CHECK(service_for_category("other") == "other");
}

}
