#include "core/membership/counts.h"

#include <doctest/doctest.h>

#include "world.h"

using namespace nx;
using namespace nx::membership;
using namespace nx::test_membership;

namespace {

const char* kApp = "membership_application";
constexpr std::int64_t kHour = 3600 * 1000;

// An application `n` of a worker `n` to `unit`, brought to `state`.
void application(World& w, int n, const std::string& unit, const std::string& state) {
  char phone[16];
  std::snprintf(phone, sizeof phone, "137%08d", n);
  const std::string owner = rid(5000 + n);
  const Actor who{owner, Role::Worker, "", ""};
  REQUIRE(applied(w.create(who, kApp, rid(n), with(person("工友", phone), {{"owner_id", owner}, {"unit_id", unit}}))));
  if (state == "draft") return;
  REQUIRE(applied(w.step(who, kApp, rid(n), "submit", {{"consent", true}})));
  if (state == "submitted") return;
  if (state == "needs_info") {
    REQUIRE(applied(w.step(w.admin, kApp, rid(n), "request_info", {{"info_request", "?"}})));
    return;
  }
  REQUIRE(applied(w.step(w.admin, kApp, rid(n), "approve")));
  if (state == "approved") return;
  REQUIRE(applied(w.create(w.admin, "member", rid(1000 + n), member_from(rid(n), unit))));
  if (state == "lapsed") REQUIRE(applied(w.step(w.admin, "member", rid(1000 + n), "lapse")));
  if (state == "transferred_out") REQUIRE(applied(w.step(w.admin, "member", rid(1000 + n), "transfer_out", {{"transferred_to", kC2}})));
}

}  // namespace

TEST_SUITE("membership") {

TEST_CASE("counts: members by status and waiting work, per unit and with the units below") {
  World w;
  application(w, 1, kC1, "active");
  application(w, 2, kC1, "active");
  application(w, 3, kC1, "lapsed");
  application(w, 4, kSF, "active");
  application(w, 5, kSF, "transferred_out");
  application(w, 6, kC2, "active");
  application(w, 7, kC1, "needs_info");
  application(w, 8, kC1, "draft");
  w.now += kHour;
  application(w, 9, kC1, "submitted");
  w.now -= 2 * kHour;
  application(w, 10, kSF, "submitted");
  w.now += kHour;
  application(w, 11, kT2, "submitted");

  const auto counts = membership_counts(w.records);
  CHECK(counts.size() == 8);

  const MembershipCounts& c1 = counts.at(kC1).own;
  CHECK(c1.active == 2);
  CHECK(c1.lapsed == 1);
  CHECK(c1.transferred_out == 0);
  CHECK(c1.applications_waiting == 1);
  CHECK(c1.applications_needs_info == 1);
  CHECK(c1.oldest_waiting_since == "2026-07-01T03:00:00Z");

  const MembershipCounts& c1_all = counts.at(kC1).total;
  CHECK(c1_all.active == 3);
  CHECK(c1_all.transferred_out == 1);
  CHECK(c1_all.applications_waiting == 2);
  CHECK(c1_all.oldest_waiting_since == "2026-07-01T01:00:00Z");  // SF's, an hour before 10:00

  // C2 has one member and one transfer waiting to be taken in; so does everything above it.
  CHECK(counts.at(kC2).own.active == 1);
  CHECK(counts.at(kC2).own.transfers_incoming == 1);
  CHECK(counts.at(kT2).total.transfers_incoming == 1);
  CHECK(counts.at(kT2).own.applications_waiting == 1);
  CHECK(counts.at(kT2).total.applications_waiting == 1);
  CHECK(counts.at(kT2).total.active == 1);

  const MembershipCounts& d = counts.at(kD).total;
  CHECK(d.active == 4);
  CHECK(d.lapsed == 1);
  CHECK(d.transferred_out == 1);
  CHECK(d.applications_waiting == 3);
  CHECK(d.applications_needs_info == 1);
  CHECK(d.transfers_incoming == 1);
  CHECK(counts.at(kD).own == MembershipCounts{});
  CHECK(counts.at(kID).total == MembershipCounts{});

  // Once C2 takes the member in, the transfer no longer waits, and C2 has two members.
  REQUIRE(applied(w.create(w.staff_c2, "member", rid(2000), member_from(rid(1005), kC2, "transferred_from"))));
  const auto after = membership_counts(w.records);
  CHECK(after.at(kC2).own.transfers_incoming == 0);
  CHECK(after.at(kC2).own.active == 2);
  CHECK(after.at(kD).total.active == 5);
  CHECK(after.at(kD).total.transfers_incoming == 0);
}

TEST_CASE("counts: records of units that do not exist are left out") {
  World w;
  sync::Record stray;
  stray.kind = "member";
  stray.id = rid(1);
  stray.fields = {{"unit_id", rid(999)}, {"status", "active"}};
  w.records.put(stray);
  const auto counts = membership_counts(w.records);
  CHECK(counts.count(rid(999)) == 0);
  CHECK(counts.at(kD).total.active == 0);
}

}
