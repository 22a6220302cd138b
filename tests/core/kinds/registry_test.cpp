#include "core/kinds/registry.h"

#include <algorithm>
#include <stdexcept>

#include <doctest/doctest.h>

using namespace nx;
using namespace nx::kinds;
using nlohmann::json;

namespace {

const KindSpec& spec(const std::string& kind) {
  const KindSpec* s = registry().find(kind);
  REQUIRE_MESSAGE(s, kind);
  return *s;
}

bool refused_as_unknown(const std::string& kind, const std::string& field) {
  const Errors errors = spec(kind).validate(json{{field, "x"}});
  return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.code == "field_unknown" && e.field == field; });
}

bool same_recount(const Recount& a, const Recount& b) { return a.counter == b.counter && a.record_field == b.record_field; }

}  // namespace

TEST_SUITE("kinds/registry") {
  TEST_CASE("a kind registered twice is refused, and the first registration stands") {
    Registry r;
    KindSpec first;
    first.name = "note";
    first.is_public = true;
    r.add(first);
    KindSpec second;
    second.name = "note";
    CHECK_THROWS_AS(r.add(second), std::logic_error);
    REQUIRE(r.find("note"));
    CHECK(r.find("note")->is_public);
    CHECK(r.kinds() == std::vector<std::string>{"note"});
  }

  TEST_CASE("the union's public face is exactly the kinds that declare themselves public") {
    // The kinds sync/visibility.cpp listed before each kind declared it.
    const std::vector<std::string> expected = {"article",  "campaign", "event",   "event_session", "health_check_slot", "insurance_plan",
                                               "job_post", "provider", "station", "unit",          "volunteer_team"};
    CHECK(registry().public_kinds() == expected);
    for (const char* personal : {"service_request", "request_message", "membership_application", "member", "skill_record",
                                 "volunteer_membership", "registration", "handout", "insurance_enrolment",
                                 "health_check_booking", "visit", "visit_item", "follow_up"})
      CHECK_MESSAGE(!spec(personal).is_public, personal);
  }

  TEST_CASE("an event is out once it is no longer a draft; a provider's mobile and notes are private") {
    sync::Record event;
    event.kind = "event";
    event.fields = {{"status", "draft"}};
    REQUIRE(static_cast<bool>(spec("event").unpublished));
    CHECK(spec("event").unpublished(event));
    event.fields["status"] = "published";
    CHECK_FALSE(spec("event").unpublished(event));
    for (const std::string& kind : registry().kinds())
      if (kind != "event") CHECK_MESSAGE(!spec(kind).unpublished, kind);

    CHECK(spec("provider").private_fields == std::vector<std::string>{"mobile", "notes"});
    for (const std::string& kind : registry().kinds())
      if (kind != "provider") CHECK_MESSAGE(spec(kind).private_fields.empty(), kind);
  }

  TEST_CASE("the counts the server keeps are declared by the kinds whose saves change them") {
    const std::vector<std::pair<std::string, Recount>> expected = {
        {"registration", {Counter::SessionSeats, "session_id"}},
        {"event_session", {Counter::SessionSeats, ""}},
        {"health_check_booking", {Counter::SlotPlaces, "slot_id"}},
        {"insurance_enrolment", {Counter::PlanEnrolments, "plan_id"}},
    };
    for (const auto& entry : expected) {  // no structured binding: clang 14 cannot capture one in doctest's lambdas
      const std::string& kind = entry.first;
      const auto& declared = spec(kind).recounts;
      REQUIRE_MESSAGE(declared.size() == 1, kind);
      CHECK_MESSAGE(same_recount(declared.front(), entry.second), kind);
    }
    for (const std::string& kind : registry().kinds()) {
      const bool listed = std::any_of(expected.begin(), expected.end(), [&](const auto& e) { return e.first == kind; });
      if (!listed) CHECK_MESSAGE(spec(kind).recounts.empty(), kind);
    }
  }

  TEST_CASE("a recount names a field the kind's records carry") {
    for (const std::string& kind : registry().kinds())
      for (const Recount& recount : spec(kind).recounts) {
        if (recount.record_field.empty()) continue;
        REQUIRE(static_cast<bool>(spec(kind).validate));
        CHECK_MESSAGE(refused_as_unknown(kind, "no_such_field"), kind);  // the check below can fail
        CHECK_MESSAGE(!refused_as_unknown(kind, recount.record_field), (kind + "." + recount.record_field));
      }
  }
}
