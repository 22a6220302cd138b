#pragma once
// Test support for the app layer: the demo district, a unit by name, and the phone's planned
// changes applied through the core as the local store and the server would.
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "app/local_store.h"
#include "core/demo/demo.h"
#include "core/kinds/registry.h"
#include "core/membership/unit.h"
#include "core/sync/apply.h"

namespace nx::app::test {

inline constexpr std::int64_t kNow = 1782867600000;  // 2026-07-01 09:00 China time

inline demo::DemoDistrict district() { return demo::generate_demo_district({}).value(); }

inline std::string unit_named(const sync::RecordSource& records, const std::string& name) {
  for (const auto& u : membership::units_in(records))
    if (u.name == name) return u.id;
  return "";
}

// Fresh UUIDs, `prefix` (24 characters, "xxxxxxxx-0000-4000-8000-") then a counter.
inline std::function<std::string()> ids(const std::string& prefix) {
  auto n = std::make_shared<int>(0);
  return [prefix, n] {
    char tail[13];
    std::snprintf(tail, sizeof tail, "%012d", ++*n);
    return prefix + tail;
  };
}

// The demo login's actor (staff or admin).
inline Actor staff_of(const demo::DemoDistrict& d, const std::string& username) {
  for (const auto& s : d.staff)
    if (s.username == username) return Actor{s.user_id, s.role == "admin" ? Role::Admin : Role::Staff, s.unit_id, ""};
  FAIL("no such demo login: " << username);
  return {};
}

// Applies `changes` as `actor`; a refusal fails the test with the core's reason. Returns the
// last record written.
inline sync::Record apply_all(sync::MemoryRecords& records, const std::vector<Change>& changes, const Actor& actor,
                              std::int64_t now_ms = kNow) {
  const UnitTree units = membership::units_from(records);
  sync::Record last;
  static int n = 0;
  for (const Change& c : changes) {
    sync::Op op{"op-" + std::to_string(++n), c.kind, c.id, sync::Hlc{now_ms + n, 0, "phone"}, c.set, c.transition, c.del};
    auto r = sync::apply_op(records.get(c.kind, c.id), op, {kinds::registry(), actor, units, &records, now_ms});
    REQUIRE_MESSAGE(r.status != sync::ApplyStatus::Rejected, (r.reason ? r.reason->message_en : ""));
    records.put(r.record);
    last = r.record;
  }
  return last;
}

}  // namespace nx::app::test
