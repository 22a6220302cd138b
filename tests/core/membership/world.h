#pragma once
// A small district for the membership tests: real unit records in a MemoryRecords, actors of
// every kind, and helpers that send ops through sync::apply_op (the registry's real kinds)
// and keep what was applied — as the server does.
//
//   D  海陵区总工会 (district, area 321202)
//   ├─ T1 城东街道总工会 (town, 321202001)
//   │   ├─ C1 东风社区工会联合会 (community, 321202001001)
//   │   │   └─ SF 顺丰速运海陵分部工会 (company union: 顺丰速运有限公司, area C1)
//   │   └─ IC 城东街道快递行业工会 (industry union: courier, area T1)
//   ├─ T2 城西街道总工会 (town, 321202002)
//   │   └─ C2 西园社区工会联合会 (community, 321202002001)
//   └─ ID 海陵区外卖骑手行业工会 (industry union: delivery, district level)
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/civil_time.h"
#include "core/kinds/registry.h"
#include "core/membership/unit.h"
#include "core/sync/apply.h"
#include "core/sync/record_source.h"

namespace nx::test_membership {

using nlohmann::json;

inline const std::string kD = "d0000000-0000-4000-8000-000000000001";
inline const std::string kT1 = "d0000000-0000-4000-8000-000000000011";
inline const std::string kT2 = "d0000000-0000-4000-8000-000000000012";
inline const std::string kC1 = "d0000000-0000-4000-8000-000000000111";
inline const std::string kC2 = "d0000000-0000-4000-8000-000000000121";
inline const std::string kSF = "d0000000-0000-4000-8000-000000001111";
inline const std::string kIC = "d0000000-0000-4000-8000-000000000112";
inline const std::string kID = "d0000000-0000-4000-8000-000000000013";

inline const std::string kAreaD = "321202";
inline const std::string kAreaT1 = "321202001";
inline const std::string kAreaT2 = "321202002";
inline const std::string kAreaC1 = "321202001001";
inline const std::string kAreaC2 = "321202002001";

// User ids.
inline const std::string kWorker = "a0000000-0000-4000-8000-000000000001";
inline const std::string kOtherWorker = "a0000000-0000-4000-8000-000000000002";

// Record ids.
inline std::string rid(int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "b0000000-0000-4000-8000-%012d", n);
  return buf;
}

struct World {
  sync::MemoryRecords records;
  // 2026-07-01 10:00 China time.
  std::int64_t now = civil::from_china_local(civil::Date{2026, 7, 1}, 10 * 60);
  std::int64_t tick = 0;

  Actor worker{kWorker, Role::Worker, "", ""};
  Actor other_worker{kOtherWorker, Role::Worker, "", ""};
  Actor staff_c1{"s-c1", Role::Staff, kC1, ""};  // staff of the unit (most records here sit in C1)
  Actor staff_t1{"s-t1", Role::Staff, kT1, ""};  // staff of its parent
  Actor staff_d{"s-d", Role::Staff, kD, ""};     // staff of the district (the root)
  Actor staff_t2{"s-t2", Role::Staff, kT2, ""};  // staff of a sibling town
  Actor staff_c2{"s-c2", Role::Staff, kC2, ""};  // staff of a community in the sibling town
  Actor admin{"admin", Role::Admin, "", ""};

  World() {
    unit(kD, "海陵区总工会", "district_federation", "", kAreaD);
    unit(kT1, "城东街道总工会", "town_federation", kD, kAreaT1);
    unit(kT2, "城西街道总工会", "town_federation", kD, kAreaT2);
    unit(kC1, "东风社区工会联合会", "community_federation", kT1, kAreaC1);
    unit(kC2, "西园社区工会联合会", "community_federation", kT2, kAreaC2);
    unit(kSF, "顺丰速运海陵分部工会", "company_union", kC1, kAreaC1, {{"employer", "顺丰速运有限公司"}});
    unit(kIC, "城东街道快递行业工会", "industry_union", kT1, kAreaT1, {{"industry", "courier"}});
    unit(kID, "海陵区外卖骑手行业工会", "industry_union", kD, kAreaD, {{"industry", "delivery"}});
  }

  sync::ApplyResult apply(const Actor& who, sync::Op op) {
    op.op_id = rid(900000 + static_cast<int>(++tick));
    op.hlc = sync::Hlc{now + tick, 0, "dev1"};
    const sync::Record* current = records.get(op.kind, op.id);
    const UnitTree units = membership::units_from(records);
    sync::ApplyResult r = sync::apply_op(current, op, sync::ApplyContext{kinds::registry(), who, units, &records, now});
    if (r.status != sync::ApplyStatus::Rejected) records.put(r.record);
    return r;
  }

  sync::ApplyResult create(const Actor& who, const std::string& kind, const std::string& id, json set) {
    sync::Op op;
    op.kind = kind;
    op.id = id;
    op.set = std::move(set);
    return apply(who, std::move(op));
  }
  sync::ApplyResult edit(const Actor& who, const std::string& kind, const std::string& id, json set) {
    return create(who, kind, id, std::move(set));
  }
  sync::ApplyResult step(const Actor& who, const std::string& kind, const std::string& id, const std::string& transition,
                         json params = json::object()) {
    sync::Op op;
    op.kind = kind;
    op.id = id;
    op.transition = transition;
    op.set = std::move(params);
    return apply(who, std::move(op));
  }
  sync::ApplyResult remove(const Actor& who, const std::string& kind, const std::string& id) {
    sync::Op op;
    op.kind = kind;
    op.id = id;
    op.del = true;
    return apply(who, std::move(op));
  }

  void unit(const std::string& id, const std::string& name, const std::string& type, const std::string& parent,
            const std::string& area, json extra = json::object()) {
    json set = {{"name", name}, {"type", type}, {"area", area}};
    if (!parent.empty()) set["parent_id"] = set["unit_id"] = parent;
    for (auto& [k, v] : extra.items()) set[k] = v;
    auto r = create(admin, "unit", id, set);
    INFO(name, " ", (r.reason ? r.reason->message_en : ""));
    REQUIRE(r.status == sync::ApplyStatus::Applied);
  }

  const sync::Record& get(const std::string& kind, const std::string& id) {
    const sync::Record* r = records.get(kind, id);
    REQUIRE(r != nullptr);
    return *r;
  }
  std::string status_of(const std::string& kind, const std::string& id) { return get(kind, id).str("status"); }
};

// The person fields of an application or member.
inline json person(const std::string& name = "张三", const std::string& phone = "13800138000",
                   const std::string& trade = "delivery", const std::string& employer = "美团",
                   const std::string& area = kAreaC1) {
  return {{"name", name}, {"phone", phone}, {"trade", trade}, {"employer", employer}, {"area", area}};
}

inline json with(json base, const json& more) {
  for (auto& [k, v] : more.items()) base[k] = v;
  return base;
}

// What staff send to make a member record from an approved application (or a transfer:
// source "transferred_from"); the rule copies the person from the source anyway.
inline json member_from(const std::string& application_id, const std::string& unit = kC1,
                        const std::string& source = "application_id") {
  return with(person(), {{"unit_id", unit}, {source, application_id}});
}

// The codes of a rejected apply (empty when it was not rejected).
inline std::string code_of(const sync::ApplyResult& r) { return r.reason ? r.reason->code : std::string(); }
inline bool applied(const sync::ApplyResult& r) { return r.status == sync::ApplyStatus::Applied; }

}  // namespace nx::test_membership
