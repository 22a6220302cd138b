// 核验: a member found by number, today's campaigns, a handout recorded once and refused the
// second time with the first one's time and place, and a check-in for today's session.
#include "app/handout_desk.h"

#include <doctest/doctest.h>

#include "core/civil_time.h"
#include "fixtures.h"

using namespace nx;
using namespace nx::app;
using test::district;
using test::staff_of;

TEST_CASE("a member is found by number however it is typed") {
  auto d = district();
  const sync::Record* m = d.records.all("member").front();
  std::string typed;
  for (char c : m->str("member_no")) typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  typed = " " + typed.substr(0, 3) + " " + typed.substr(3) + " ";
  REQUIRE(find_member(d.records, typed) == m);
  CHECK(find_member(d.records, "NX-00000000-XXXXX-XXXXX") == nullptr);
  CHECK(find_member(d.records, "   ") == nullptr);
}

TEST_CASE("a handout is given once; the second claim is refused with the first one's time and place") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-meituan");
  const auto campaigns = running_campaigns(d.records, units, staff.unit_id, test::kNow);
  REQUIRE(!campaigns.empty());  // the district's 夏送清凉 is given at every union below it
  for (const sync::Record* c : campaigns) CHECK(units.is_within(staff.unit_id, c->str("unit_id")));
  const sync::Record* campaign = campaigns.front();

  // A member nobody has served in this campaign yet.
  const sync::Record* member = nullptr;
  for (const sync::Record* m : d.records.all("member"))
    if (m->str("status") == "active" && units.is_within(m->str("unit_id"), staff.unit_id) && !first_claim(d.records, campaign->id, m->id)) {
      member = m;
      break;
    }
  REQUIRE(member);
  const Change give = give_handout(*campaign, *member, staff.unit_id, "美团海陵配送站", "web-test-device", test::kNow,
                                   "8d8d8d8d-0000-4000-8000-000000000001");
  test::apply_all(d.records, {give}, staff);
  const sync::Record* first = first_claim(d.records, campaign->id, member->id);
  REQUIRE(first);
  CHECK(first->str("given_by") == staff.user_id);
  CHECK(first->str("place") == "美团海陵配送站");

  // Another device, the same member: the core refuses it, naming when and where.
  Change again = give_handout(*campaign, *member, staff.unit_id, "南苑社区爱心驿站", "web-other-device", test::kNow + 60000,
                              "8d8d8d8d-0000-4000-8000-000000000002");
  sync::Op op{"op-again", again.kind, again.id, sync::Hlc{test::kNow + 60000, 0, "other"}, again.set, "", false};
  const auto refused = sync::apply_op(nullptr, op, {kinds::registry(), staff, units, &d.records, test::kNow + 60000});
  REQUIRE(refused.status == sync::ApplyStatus::Rejected);
  CHECK(refused.reason->code == "already_received");
  CHECK(refused.reason->message_zh.find("美团海陵配送站") != std::string::npos);
}

TEST_CASE("签到: a registration for a session held today is checked in") {
  auto d = district();
  const Actor staff = staff_of(d, "demo-district");
  // A registered seat in some session, and that session's day at its start.
  const sync::Record* registration = nullptr;
  const sync::Record* session = nullptr;
  for (const sync::Record* r : d.records.all("registration")) {
    if (r->str("status") != "registered") continue;
    session = d.records.get("event_session", r->str("session_id"));
    if (session) {
      registration = r;
      break;
    }
  }
  REQUIRE(registration);
  const auto day = civil::parse_date(session->str("date"));
  const std::int64_t at = civil::from_china_local(*day, *civil::parse_time_of_day(session->str("start")));
  const auto today = todays_registrations(d.records, registration->str("member_id"), at);
  REQUIRE(std::find(today.begin(), today.end(), registration) != today.end());
  CHECK(todays_registrations(d.records, registration->str("member_id"), at + 2 * 24 * 3600 * 1000LL).empty());
  const sync::Record done = test::apply_all(d.records, {check_in(*registration, at)}, staff, at);
  CHECK(done.str("status") == "checked_in");
}
