#pragma once
// A small world for the services tests: a unit tree, a person in every role, records kept in
// memory, and ops made with ever newer stamps, all applied through sync::apply_op with the
// real registry, as the phone and the server apply them.
#include <doctest/doctest.h>

#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_time.h"
#include "core/kinds/registry.h"
#include "core/sync/apply.h"

namespace nx::svc_test {

using nlohmann::json;

inline std::string uuid(int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", n);
  return buf;
}

// District 海陵区总工会 > town T1 > company union C1; town T2 beside T1.
inline const std::string kDistrict = uuid(1);
inline const std::string kTown1 = uuid(2);
inline const std::string kTown2 = uuid(3);
inline const std::string kCompany1 = uuid(4);

inline const std::string kOwnerUser = uuid(101);
inline const std::string kOtherWorkerUser = uuid(102);
inline const std::string kProviderUser = uuid(103);
inline const std::string kOtherProviderUser = uuid(104);
inline const std::string kProvider1 = uuid(201);  // a provider record
inline const std::string kProvider2 = uuid(202);

// Monday 2026-07-06, 10:00 in China.
inline const std::int64_t kNow = civil::from_china_local({2026, 7, 6}, 10 * 60);
inline constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

inline UnitTree units() {
  UnitTree u;
  u.add(kDistrict, "");
  u.add(kTown1, kDistrict);
  u.add(kTown2, kDistrict);
  u.add(kCompany1, kTown1);
  return u;
}

// Everyone who might try a step on a record of town T1 owned by kOwnerUser and assigned to kProvider1.
inline const std::vector<std::pair<std::string, Actor>>& everyone() {
  static const std::vector<std::pair<std::string, Actor>> people = {
      {"owner", Actor{kOwnerUser, Role::Worker, "", ""}},
      {"other_worker", Actor{kOtherWorkerUser, Role::Worker, "", ""}},
      {"unit_staff", Actor{uuid(111), Role::Staff, kTown1, ""}},
      {"ancestor_staff", Actor{uuid(112), Role::Staff, kDistrict, ""}},
      {"sibling_staff", Actor{uuid(113), Role::Staff, kTown2, ""}},
      {"child_staff", Actor{uuid(114), Role::Staff, kCompany1, ""}},
      {"admin", Actor{uuid(115), Role::Admin, "", ""}},
      {"provider", Actor{kProviderUser, Role::Worker, "", kProvider1}},
      {"other_provider", Actor{kOtherProviderUser, Role::Worker, "", kProvider2}},
  };
  return people;
}

inline const Actor& person(const std::string& name) {
  for (const auto& [n, a] : everyone())
    if (n == name) return a;
  FAIL("no such person: " << name);
  return everyone().front().second;
}

struct World {
  UnitTree tree = units();
  sync::MemoryRecords records;
  std::int64_t now_ms = kNow;
  std::int64_t next_stamp = kNow;
  int next_op = 0;
  bool with_records = true;  // false: rules see no other records (StepContext::records null)

  sync::Op op(const std::string& kind, const std::string& id, json set, std::string transition = "", bool del = false) {
    char op_id[40];
    std::snprintf(op_id, sizeof op_id, "0000aaaa-0000-4000-8000-%012d", ++next_op);
    return sync::Op{op_id, kind, id, sync::Hlc{++next_stamp, 0, "test"}, std::move(set), std::move(transition), del};
  }

  // Applies one op to the stored record (if any) and keeps the result unless rejected.
  sync::ApplyResult apply(const Actor& who, const sync::Op& o) {
    const sync::Record* current = records.get(o.kind, o.id);
    sync::ApplyResult r =
        sync::apply_op(current, o, sync::ApplyContext{kinds::registry(), who, tree, with_records ? &records : nullptr, now_ms});
    if (r.status != sync::ApplyStatus::Rejected) records.put(r.record);
    return r;
  }
  sync::ApplyResult set(const Actor& who, const std::string& kind, const std::string& id, json fields) {
    return apply(who, op(kind, id, std::move(fields)));
  }
  sync::ApplyResult step(const Actor& who, const std::string& kind, const std::string& id, const std::string& transition,
                         json params = json::object()) {
    return apply(who, op(kind, id, std::move(params), transition));
  }
  sync::ApplyResult remove(const Actor& who, const std::string& kind, const std::string& id) {
    return apply(who, op(kind, id, json::object(), "", true));
  }

  // Setup that must work; a failure names the reason.
  void must(const sync::ApplyResult& r) {
    INFO("rejected: " << (r.reason ? r.reason->code + " " + r.reason->field + " " + r.reason->message_en : ""));
    REQUIRE(r.status != sync::ApplyStatus::Rejected);
  }

  const sync::Record& get(const std::string& kind, const std::string& id) const {
    const sync::Record* r = records.get(kind, id);
    REQUIRE(r != nullptr);
    return *r;
  }
  // Puts a record in place as stored data (no rules), e.g. another area's member record.
  void seed(const std::string& kind, const std::string& id, json fields) {
    sync::Record r;
    r.kind = kind;
    r.id = id;
    r.fields = std::move(fields);
    records.put(std::move(r));
  }
};

inline std::string code_of(const sync::ApplyResult& r) { return r.reason ? r.reason->code : std::string("(applied)"); }
inline bool applied(const sync::ApplyResult& r) { return r.status != sync::ApplyStatus::Rejected; }

// Tries `attempt` once for every person, each on a fresh copy of `base`, and checks that
// exactly `allowed` got through and everyone else was refused with `refused_code`.
template <typename Attempt>
void check_who(const World& base, const std::set<std::string>& allowed, Attempt attempt,
               const std::string& refused_code = "transition_forbidden") {
  for (const auto& person : everyone()) {
    const std::string& name = person.first;  // clang 14 cannot capture structured bindings
    const auto& actor = person.second;
    World w = base;
    const sync::ApplyResult r = attempt(w, actor);
    CAPTURE(name);
    if (allowed.count(name)) {
      INFO("reason: " << code_of(r) << " " << (r.reason ? r.reason->message_en : ""));
      CHECK(applied(r));
    } else {
      CHECK(code_of(r) == refused_code);
    }
  }
}

// The Error codes of a validate() result, in order.
inline std::vector<std::string> codes(const Errors& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.code + "@" + e.field);
  return out;
}
inline bool has_error(const Errors& errors, const std::string& code, const std::string& field) {
  for (const Error& e : errors)
    if (e.code == code && e.field == field) return !e.message_zh.empty() && !e.message_en.empty();
  return false;
}

}  // namespace nx::svc_test
