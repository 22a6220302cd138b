#include "core/membership/person.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace nx;
using namespace nx::membership;
using nlohmann::json;

namespace {
bool has_error(const Errors& errors, const std::string& field, const std::string& code) {
  return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field && e.code == code; });
}
Errors read(const json& j, Person* out = nullptr) {
  Person p;
  json_in::Reader r(j);
  read_person(r, j, p);
  if (out) *out = p;
  return r.errors();
}
}  // namespace

TEST_SUITE("membership") {

TEST_CASE("person fields: what a form sends is made storable") {
  json form = {{"name", "  张三 "}, {"phone", "+86 138-0013-8000"}, {"trade", "courier"}, {"employer", "\u3000顺丰 "}, {"area", " 321202001 "}};
  CHECK(has_error(read(form), "phone", "phone_not_normalized"));
  normalize_person_input(form);
  CHECK(form["name"] == "张三");
  CHECK(form["phone"] == "13800138000");
  CHECK(form["employer"] == "顺丰");
  CHECK(form["area"] == "321202001");
  Person p;
  REQUIRE(read(form, &p).empty());
  CHECK(p.trade == Trade::Courier);
  CHECK(p.phone == "13800138000");

  // What cannot be fixed is left for the validator.
  json bad = {{"name", 5}, {"phone", "12"}, {"area", std::string("\xff")}};
  normalize_person_input(bad);
  CHECK(bad["phone"] == "12");
  CHECK(bad["name"] == 5);
  const Errors e = read(bad);
  CHECK(has_error(e, "name", "type_invalid"));
  CHECK(has_error(e, "phone", "phone_invalid"));
  CHECK(has_error(e, "trade", "required"));
  CHECK(has_error(e, "area", "encoding_invalid"));
  json not_object = json::array();
  CHECK_NOTHROW(normalize_person_input(not_object));
}

TEST_CASE("person fields: the employer may be empty, the rest may not") {
  json j = {{"name", "张三"}, {"phone", "13800138000"}, {"trade", "other"}, {"area", "321202"}};
  CHECK(read(j).empty());
  for (const char* f : {"name", "phone", "trade", "area"}) {
    json missing = j;
    missing.erase(f);
    INFO(f);
    CHECK(has_error(read(missing), f, "required"));
  }
  CHECK(has_error(read(json{{"name", "  "}, {"phone", ""}}), "name", "required"));
  CHECK(has_error(read(json{{"name", "  "}, {"phone", ""}}), "phone", "required"));
}

}
