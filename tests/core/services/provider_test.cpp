#include "core/services/provider.h"

#include <doctest/doctest.h>

#include "services_world.h"

using namespace nx;
using namespace nx::services;
using namespace nx::svc_test;

namespace {
json lawyer() {
  return {{"name", "江苏凤城律师事务所 李明律师"},
          {"type", "lawyer"},
          {"services", {"legal_consultation", "legal_aid"}},
          {"unit_id", kDistrict},
          {"office_hours", "工作日 9:00-17:00"},
          {"phone", "0523-86212345"},
          {"mobile", "13912345678"},
          {"notes", "擅长工伤案件"},
          {"active", true}};
}
json with(json j, const char* field, json value) {
  j[field] = std::move(value);
  return j;
}
}  // namespace

TEST_SUITE("services/provider") {

TEST_CASE("a provider's fields are checked") {
  CHECK(validate_provider(lawyer()).empty());
  json minimal = {{"name", "海陵区新业态服务中心"}, {"type", "social_org"}, {"services", {"training"}}, {"unit_id", kTown1}};
  CHECK(validate_provider(minimal).empty());
  for (const char* f : {"name", "type", "services", "unit_id"}) {
    json j = lawyer();
    j.erase(f);
    CAPTURE(f);
    CHECK(has_error(validate_provider(j), "required", f));
  }
  CHECK(has_error(validate_provider(with(lawyer(), "type", "doctor")), "enum_invalid", "type"));
  CHECK(has_error(validate_provider(with(lawyer(), "services", json::array())), "required", "services"));
  CHECK(has_error(validate_provider(with(lawyer(), "services", {"legal_aid", "massage"})), "enum_invalid", "services"));
  CHECK(has_error(validate_provider(with(lawyer(), "phone", "86212345")), "phone_invalid", "phone"));
  CHECK(has_error(validate_provider(with(lawyer(), "mobile", "0523-86212345")), "phone_invalid", "mobile"));
  CHECK(has_error(validate_provider(with(lawyer(), "active", "yes")), "type_invalid", "active"));
  CHECK(has_error(validate_provider(with(lawyer(), "notes", std::string(1001, 'x'))), "too_long", "notes"));
  CHECK(has_error(validate_provider(with(lawyer(), "id_card", "3212...")), "field_unknown", "id_card"));
}

TEST_CASE("workers see only the public side of a provider") {
  const json view = provider_public_view(lawyer());
  CHECK(view == json({{"name", "江苏凤城律师事务所 李明律师"},
                      {"type", "lawyer"},
                      {"services", {"legal_consultation", "legal_aid"}},
                      {"unit_id", kDistrict},
                      {"office_hours", "工作日 9:00-17:00"},
                      {"phone", "0523-86212345"},
                      {"active", true}}));
  CHECK_FALSE(view.contains("mobile"));
  CHECK_FALSE(view.contains("notes"));
  CHECK(provider_public_view(json::array()) == json::object());
}

TEST_CASE("a provider offers its listed services while active") {
  CHECK(provider_offers(lawyer(), "legal_aid"));
  CHECK_FALSE(provider_offers(lawyer(), "health"));
  CHECK_FALSE(provider_offers(with(lawyer(), "active", false), "legal_aid"));
  json no_flag = lawyer();
  no_flag.erase("active");
  CHECK(provider_offers(no_flag, "legal_aid"));
}

TEST_CASE("staff of the provider's unit and above keep providers") {
  const std::string id = uuid(401);
  json in_town = with(lawyer(), "unit_id", kTown1);
  check_who(World{}, {"unit_staff", "ancestor_staff", "admin"},
            [&](World& w, const Actor& a) { return w.set(a, "provider", id, in_town); }, "forbidden");
  World base;
  base.must(base.set(person("unit_staff"), "provider", id, in_town));
  // The provider itself does not edit its own record: staff vouch for what workers are shown.
  check_who(base, {"unit_staff", "ancestor_staff", "admin"},
            [&](World& w, const Actor& a) { return w.set(a, "provider", id, {{"active", false}}); }, "forbidden");
}

}
