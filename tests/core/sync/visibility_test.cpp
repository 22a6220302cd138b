#include "core/sync/visibility.h"

#include <doctest/doctest.h>

#include "core/kinds/registry.h"
#include "test_kinds.h"

using namespace nx;
using namespace nx::sync;
using nlohmann::json;

namespace {
Record rec(std::string kind, json fields) {
  Record r;
  r.kind = std::move(kind);
  r.id = "11111111-1111-4111-8111-111111111111";
  r.fields = std::move(fields);
  for (const auto& [name, _] : r.fields.items()) r.stamps.set(name, Hlc{1, 0, "d"});
  return r;
}

struct People {
  UnitTree units = test::test_units();  // d > t1 > c1, d > t2
  Actor worker{"w1", Role::Worker, "", ""};
  Actor other_worker{"w2", Role::Worker, "", ""};
  Actor staff_t1{"s1", Role::Staff, "t1", ""};
  Actor staff_t2{"s2", Role::Staff, "t2", ""};
  Actor staff_d{"sd", Role::Staff, "d", ""};
  Actor lawyer{"l1", Role::Worker, "", "p1"};
  Actor admin{"a", Role::Admin, "", ""};
};
}  // namespace

TEST_CASE_FIXTURE(People, "public kinds are readable by everyone signed in; a draft event only by its unit's staff") {
  const Record station = rec("station", {{"name", "南苑驿站"}, {"unit_id", "c1"}, {"phone", "0523-86661234"}});
  for (const Actor* a : {&worker, &other_worker, &staff_t2, &lawyer, &admin}) CHECK(may_read(*a, station, units));
  CHECK(redact_for(worker, station, units).fields["phone"] == "0523-86661234");

  const Record draft = rec("event", {{"title", "安全宣讲"}, {"unit_id", "t1"}, {"status", "draft"}});
  CHECK_FALSE(may_read(worker, draft, units));
  CHECK_FALSE(may_read(staff_t2, draft, units));
  CHECK(may_read(staff_t1, draft, units));
  CHECK(may_read(staff_d, draft, units));
  CHECK(may_read(admin, draft, units));
  Record published = draft;
  published.fields["status"] = "published";
  CHECK(may_read(worker, published, units));
}

TEST_CASE_FIXTURE(People, "a record nobody has a tie to is readable exactly when its kind declares itself public") {
  for (const std::string& kind : kinds::registry().kinds()) {
    const Record r = rec(kind, {{"unit_id", "t1"}});
    CHECK_MESSAGE(may_read(worker, r, units) == kinds::registry().find(kind)->is_public, kind);
    CHECK_MESSAGE(may_read(staff_t2, r, units) == kinds::registry().find(kind)->is_public, kind);
  }
  CHECK_FALSE(may_read(worker, rec("no_such_kind", {{"unit_id", "t1"}}), units));
  CHECK(may_read(staff_t1, rec("no_such_kind", {{"unit_id", "t1"}}), units));
}

TEST_CASE_FIXTURE(People, "a worker's own records: the worker, staff of the unit and above, the provider, admins") {
  const Record request = rec("service_request", {{"owner_id", "w1"}, {"unit_id", "c1"}, {"provider_id", "p1"}});
  CHECK(may_read(worker, request, units));
  CHECK_FALSE(may_read(other_worker, request, units));
  CHECK(may_read(staff_t1, request, units));
  CHECK(may_read(staff_d, request, units));
  CHECK_FALSE(may_read(staff_t2, request, units));
  CHECK(may_read(lawyer, request, units));
  CHECK(may_read(admin, request, units));
  // A record naming no owner and no unit is nobody's but the admin's.
  const Record orphan = rec("visit", json::object());
  CHECK_FALSE(may_read(staff_d, orphan, units));
  CHECK(may_read(admin, orphan, units));
}

TEST_CASE_FIXTURE(People, "phones are whole for the person and their unit's staff, masked for anyone else") {
  const Record member = rec("member", {{"owner_id", "w1"}, {"unit_id", "c1"}, {"phone", "13812345678"}, {"provider_id", "p1"}});
  CHECK(redact_for(worker, member, units).fields["phone"] == "13812345678");
  CHECK(redact_for(staff_t1, member, units).fields["phone"] == "13812345678");
  CHECK(redact_for(admin, member, units).fields["phone"] == "13812345678");
  const Record seen_by_lawyer = redact_for(lawyer, member, units);
  CHECK(seen_by_lawyer.fields["phone"] == "138****5678");
  CHECK(seen_by_lawyer.stamps.contains("phone"));
  CHECK(mask_phone("13812345678") == "138****5678");
  CHECK(mask_phone("12345") == "*****");
}

TEST_CASE_FIXTURE(People, "a provider's mobile and notes are left out for workers and other units' staff") {
  const Record provider = rec("provider", {{"name", "王律师"}, {"unit_id", "t1"}, {"phone", "0523-86660000"},
                                           {"mobile", "13900001111"}, {"notes", "周三坐班"}});
  for (const Actor* outsider : {&worker, &staff_t2}) {
    const Record seen = redact_for(*outsider, provider, units);
    CHECK(seen.fields.contains("phone"));
    CHECK_FALSE(seen.fields.contains("mobile"));
    CHECK_FALSE(seen.fields.contains("notes"));
    CHECK_FALSE(seen.stamps.contains("mobile"));
  }
  for (const Actor* insider : {&staff_t1, &staff_d, &admin}) CHECK(redact_for(*insider, provider, units).fields.contains("mobile"));
  const Actor the_provider{"l2", Role::Worker, "", provider.id};
  CHECK(redact_for(the_provider, provider, units).fields.contains("notes"));
}
