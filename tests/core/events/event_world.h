#pragma once
// A small world for the event, handout and field-work tests: a unit tree (district > towns
// T1, T2 > company C1 under T1), one actor per role, a record store, and ops applied through
// the real registry and sync::apply_op, exactly as the server applies them.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/civil_time.h"
#include "core/kinds/registry.h"
#include "core/sync/apply.h"
#include "core/sync/op.h"
#include "core/sync/record_source.h"

namespace nx::evtest {

using nlohmann::json;

// Deterministic UUIDs: uid(7) = "00000000-0000-4000-8000-000000000007".
inline std::string uid(int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", n);
  return buf;
}

// A China local moment as Unix ms: china("2026-07-15", "09:00").
inline std::int64_t china(const char* date, const char* hhmm) {
  return civil::from_china_local(*civil::parse_date(date), *civil::parse_time_of_day(hhmm));
}

inline const std::string kDistrict = uid(1);
inline const std::string kTown1 = uid(2);
inline const std::string kTown2 = uid(3);
inline const std::string kCompany1 = uid(4);

struct World {
  sync::MemoryRecords store;
  UnitTree units;
  std::int64_t now_ms = china("2026-07-10", "12:00");
  std::int64_t hlc_ms = 1'780'000'000'000;

  Actor worker{"w1", Role::Worker, "", ""};        // owns their own records
  Actor other_worker{"w2", Role::Worker, "", ""};
  Actor staff{"s1", Role::Staff, kTown1, ""};      // staff of the unit (T1)
  Actor district_staff{"sd", Role::Staff, kDistrict, ""};  // staff of an ancestor unit
  Actor sibling_staff{"s2", Role::Staff, kTown2, ""};      // staff of a sibling unit
  Actor admin{"a1", Role::Admin, "", ""};

  World() {
    add_unit(kDistrict, "", "海陵区总工会", "district_federation", "");
    add_unit(kTown1, kDistrict, "城西街道总工会", "town_federation", "");
    add_unit(kTown2, kDistrict, "城东街道总工会", "town_federation", "");
    add_unit(kCompany1, kTown1, "顺达快递工会", "company_union", "顺达快递有限公司");
  }

  void add_unit(const std::string& id, const std::string& parent, const std::string& name, const std::string& type,
                const std::string& employer) {
    units.add(id, parent);
    sync::Record r;
    r.kind = "unit";
    r.id = id;
    r.fields = {{"name", name}, {"type", type}, {"parent_id", parent}};
    if (!employer.empty()) r.fields["employer"] = employer;
    store.put(r);
  }

  sync::Op op(const std::string& kind, const std::string& id, const std::string& device = "dev-a") {
    sync::Op o;
    o.op_id = uid(900000 + static_cast<int>(hlc_ms % 100000));
    o.kind = kind;
    o.id = id;
    o.hlc = sync::Hlc{++hlc_ms, 0, device};
    return o;
  }

  // Applies `o` for `who` against this world's store (or none), keeping the result when accepted.
  sync::ApplyResult apply(const Actor& who, const sync::Op& o, bool with_records = true) {
    const sync::Record* current = store.get(o.kind, o.id);
    sync::ApplyContext ctx{kinds::registry(), who, units, with_records ? &store : nullptr, now_ms};
    sync::ApplyResult r = sync::apply_op(current, o, ctx);
    if (r.status != sync::ApplyStatus::Rejected) store.put(r.record);
    return r;
  }

  sync::ApplyResult create(const Actor& who, const std::string& kind, const std::string& id, json set,
                           const std::string& device = "dev-a") {
    sync::Op o = op(kind, id, device);
    o.set = std::move(set);
    return apply(who, o);
  }
  sync::ApplyResult step(const Actor& who, const std::string& kind, const std::string& id, const std::string& transition,
                         json set = json::object(), const std::string& device = "dev-a") {
    sync::Op o = op(kind, id, device);
    o.transition = transition;
    o.set = std::move(set);
    return apply(who, o);
  }
  sync::ApplyResult edit(const Actor& who, const std::string& kind, const std::string& id, json set) {
    return create(who, kind, id, std::move(set));
  }
  sync::ApplyResult remove(const Actor& who, const std::string& kind, const std::string& id) {
    sync::Op o = op(kind, id);
    o.del = true;
    return apply(who, o);
  }

  const sync::Record& rec(const std::string& kind, const std::string& id) const { return *store.get(kind, id); }
  std::string status(const std::string& kind, const std::string& id) const { return store.get(kind, id)->str("status"); }

  // An event of T1 with one session (2026-07-15 09:00-11:00), published.
  void published_event(const std::string& event_id, const std::string& session_id, std::int64_t capacity,
                       json extra = json::object()) {
    json e = {{"title", "夏送清凉 · 防暑讲座"}, {"category", "talk"}, {"topic", "safety"}, {"unit_id", kTown1}, {"place", "城西驿站"}};
    e.update(extra);
    create(staff, "event", event_id, e);
    add_session(event_id, session_id, capacity);
    step(staff, "event", event_id, "publish");
  }
  sync::ApplyResult add_session(const std::string& event_id, const std::string& session_id, std::int64_t capacity,
                                const char* date = "2026-07-15", const char* start = "09:00", const char* end = "11:00") {
    return create(staff, "event_session", session_id,
                  {{"event_id", event_id}, {"unit_id", kTown1}, {"date", date}, {"start", start}, {"end", end},
                   {"capacity", capacity}});
  }
  // Worker `who` signs up for the session with member id `member`.
  sync::ApplyResult sign_up(const Actor& who, const std::string& reg_id, const std::string& event_id,
                            const std::string& session_id, const std::string& member) {
    return create(who, "registration", reg_id,
                  {{"event_id", event_id}, {"session_id", session_id}, {"unit_id", kTown1}, {"member_id", member},
                   {"owner_id", who.user_id}});
  }
};

inline std::string code(const sync::ApplyResult& r) { return r.reason ? r.reason->code : std::string("ok"); }
inline bool applied(const sync::ApplyResult& r) { return r.status == sync::ApplyStatus::Applied; }

// True if some error in `errors` is about `field` with `code`.
inline bool has_error(const Errors& errors, const std::string& field, const std::string& code) {
  for (const Error& e : errors)
    if (e.field == field && e.code == code) return true;
  return false;
}

}  // namespace nx::evtest
