#include "core/demo/demo.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "core/civil_time.h"
#include "core/events/registration.h"
#include "core/kinds/registry.h"
#include "core/membership/unit.h"
#include "core/validate.h"

using namespace nx;
using namespace nx::demo;

namespace {

// One default district for the whole suite: generating it is the slow part.
const DemoDistrict& district() {
  static const Result<DemoDistrict> d = generate_demo_district(DemoOptions{});
  if (!d) FAIL("the generator failed: " << d.error().message_en);
  return d.value();
}

std::int64_t count(const DemoSummary& s, const std::string& key) {
  auto it = s.find(key);
  return it == s.end() ? 0 : it->second;
}

std::string dump(const sync::MemoryRecords& records) {
  std::string out;
  for (const auto& entry : records.records()) out += entry.second.to_json().dump() + "\n";
  return out;
}

}  // namespace

TEST_SUITE("demo/district") {
  TEST_CASE("the default district is made with no refused op") {
    const Result<DemoDistrict> d = generate_demo_district(DemoOptions{});
    INFO((d ? std::string() : d.error().message_en));
    REQUIRE(d.ok());
    CHECK(d.value().ops_applied > 1000);
  }

  TEST_CASE("the same seed gives byte-identical records; another seed differs") {
    const Result<DemoDistrict> again = generate_demo_district(DemoOptions{});
    REQUIRE(again.ok());
    CHECK(dump(again.value().records) == dump(district().records));
    DemoOptions other;
    other.seed = 7;
    const Result<DemoDistrict> different = generate_demo_district(other);
    REQUIRE(different.ok());
    CHECK(dump(different.value().records) != dump(district().records));
  }

  TEST_CASE("every record is valid for its kind") {
    int checked = 0;
    for (const auto& entry : district().records.records()) {
      const sync::Record& r = entry.second;
      const kinds::KindSpec* spec = kinds::registry().find(r.kind);
      REQUIRE(spec != nullptr);
      const Errors errors = spec->validate(r.fields);
      if (!errors.empty()) FAIL_CHECK(r.kind << " " << r.id << ": " << errors.front().code << " " << errors.front().field);
      ++checked;
    }
    CHECK(checked == static_cast<int>(district().records.size()));
  }

  TEST_CASE("the unit tree, stations and counts are as intended") {
    const DemoSummary s = summarize(district().records);
    const auto units = membership::units_in(district().records);
    int roots = 0, towns = 0, industry = 0, companies = 0;
    for (const auto& u : units) {
      roots += u.parent_id.empty();
      towns += u.type == membership::UnitType::TownFederation;
      industry += u.type == membership::UnitType::IndustryUnion;
      companies += u.type == membership::UnitType::CompanyUnion;
    }
    CHECK(roots == 1);
    CHECK(towns >= 8);
    CHECK(industry == 4);
    CHECK(companies >= 6);
    CHECK(count(s, "station") == 16);
    CHECK(count(s, "station.temporarily_closed") == 1);
    CHECK(count(s, "provider") >= 7);
    CHECK(count(s, "member") >= 200);
    CHECK(count(s, "membership_application.submitted") > 0);
    CHECK(count(s, "membership_application.needs_info") > 0);
    CHECK(count(s, "membership_application.rejected") > 0);
    for (const char* state : {"ordered", "matched", "delivered", "confirmed", "reopened", "cancelled"}) {
      CAPTURE(state);
      CHECK(count(s, std::string("service_request.") + state) > 0);
    }
    CHECK(count(s, "request_message") > count(s, "service_request"));
    CHECK(count(s, "registration.waitlisted") > 0);
    CHECK(count(s, "registration.checked_in") > 0);
    CHECK(count(s, "handout") > 50);
    CHECK(count(s, "handout.voided") == 1);
    CHECK(count(s, "insurance_enrolment") > 50);
    CHECK(count(s, "health_check_booking.attended") > 0);
    CHECK(count(s, "follow_up.open") > 0);
    CHECK(count(s, "follow_up.done") > 0);
    CHECK(count(s, "skill_record") > 0);
    CHECK(count(s, "volunteer_team") == 6);
    CHECK(count(s, "volunteer_membership") > 0);
    CHECK(!summary_text(s).empty());
  }

  TEST_CASE("no session is over capacity and nobody holds two handouts in one campaign") {
    const sync::MemoryRecords& records = district().records;
    for (const sync::Record* session : records.all("event_session")) {
      const auto seats = events::count_seats(session->fields, events::session_registrations(records, session->id));
      CHECK(seats.taken <= seats.capacity);
    }
    std::set<std::pair<std::string, std::string>> served;
    for (const sync::Record* h : records.all("handout"))
      if (h->str("status") == "given") CHECK(served.insert({h->str("campaign_id"), h->str("member_id")}).second);
  }

  TEST_CASE("every member has a unique member number and phone") {
    std::set<std::string> numbers, phones;
    for (const sync::Record* m : district().records.all("member")) {
      CHECK(!m->str("member_no").empty());
      CHECK(numbers.insert(m->str("member_no")).second);
      CHECK(validate::phone(m->str("phone")) == std::nullopt);
      CHECK(phones.insert(m->str("phone")).second);
    }
  }

  TEST_CASE("the logins exist and the worker logins own records") {
    const DemoDistrict& d = district();
    std::set<std::string> roles;
    for (const StaffLogin& s : d.staff) {
      roles.insert(s.role);
      CHECK(!s.username.empty());
      if (s.role == "staff") CHECK(d.records.get("unit", s.unit_id) != nullptr);
    }
    CHECK(roles == std::set<std::string>{"admin", "staff"});
    REQUIRE(d.workers.size() >= 4);
    std::map<std::string, int> owned;
    for (const auto& entry : d.records.records()) ++owned[entry.second.str("owner_id")];
    int rich = 0;  // logins with a member card and more (requests, sign-ups, handouts ...)
    for (const WorkerLogin& w : d.workers) {
      CAPTURE(w.name);
      CHECK(owned[w.user_id] >= 1);
      rich += owned[w.user_id] >= 5;
    }
    CHECK(rich >= 3);
  }

  TEST_CASE("any day of the year makes a district whose campaign runs today, named for the season") {
    struct Day {
      civil::Date date;
      std::string campaign, item;
    };
    const Day days[] = {{{2026, 11, 30}, "2026 冬送温暖", "暖宝宝"}, {{2026, 12, 31}, "2026 冬送温暖", "护膝"},
                        {{2027, 2, 28}, "2027 冬送温暖", "姜茶"}, {{2027, 7, 15}, "2027 夏送清凉", "绿豆汤"}};
    for (const Day& day : days) {
      DemoOptions options;
      options.now_ms = civil::from_china_local(day.date, 9 * 60);
      const std::string today = civil::format_date(day.date);
      CAPTURE(today);
      const Result<DemoDistrict> d = generate_demo_district(options);
      INFO((d ? std::string() : d.error().message_en));
      REQUIRE(d.ok());
      const sync::Record* campaign = nullptr;
      for (const sync::Record* c : d.value().records.all("campaign"))
        if (c->str("name") == day.campaign) campaign = c;
      REQUIRE(campaign != nullptr);
      CHECK(campaign->str("start_date") <= today);
      CHECK(campaign->str("end_date") >= today);
      CHECK(campaign->fields["items"].dump().find(day.item) != std::string::npos);
      int ahead = 0;
      for (const sync::Record* s : d.value().records.all("event_session")) ahead += s->str("date") > today;
      CHECK(ahead >= 3);
      for (const sync::Record* plan : d.value().records.all("insurance_plan")) CHECK(plan->str("period_end") > today);
    }
  }
}

TEST_SUITE("demo/scale") {
  TEST_CASE("scale mode makes about the members and requests asked for") {
    const Result<DemoDistrict> d = generate_demo_district(scale_options(11, 2000, 5000));
    INFO((d ? std::string() : d.error().message_en));
    REQUIRE(d.ok());
    const DemoSummary s = summarize(d.value().records);
    CHECK(count(s, "member") > 1800);
    CHECK(count(s, "member") < 2200);
    CHECK(count(s, "service_request") == 5000);
    CHECK(count(s, "station") == 16);
  }
}
