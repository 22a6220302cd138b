#include "core/membership/fields.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace nx;
using namespace nx::membership;
using nlohmann::json;

namespace {
bool has_error(const Errors& errors, const std::string& field, const std::string& code) {
  return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field && e.code == code; });
}
const std::string kId = "11111111-1111-4111-8111-111111111111";
}  // namespace

TEST_SUITE("membership") {

TEST_CASE("optional and required ids") {
  json j = {{"a", ""}, {"b", kId}, {"c", "x"}, {"d", 5}, {"e", nullptr}};
  json_in::Reader r(j);
  CHECK(optional_id(r, "a").empty());
  CHECK(optional_id(r, "b") == kId);
  CHECK(optional_id(r, "missing").empty());
  CHECK(optional_id(r, "e").empty());
  CHECK(r.ok());
  CHECK(optional_id(r, "c").empty());
  CHECK(optional_id(r, "d").empty());
  CHECK(has_error(r.errors(), "c", "id_invalid"));
  CHECK(has_error(r.errors(), "d", "type_invalid"));

  json_in::Reader q(j);
  CHECK(required_id(q, "b") == kId);
  CHECK(required_id(q, "a").empty());
  CHECK(required_id(q, "missing").empty());
  CHECK(required_id(q, "c").empty());
  CHECK(has_error(q.errors(), "a", "required"));
  CHECK(has_error(q.errors(), "missing", "required"));
  CHECK(has_error(q.errors(), "c", "id_invalid"));
}

TEST_CASE("area codes") {
  CHECK(is_area_code("321202001001"));
  CHECK(is_area_code("hailing-east_1"));
  CHECK_FALSE(is_area_code(""));
  CHECK_FALSE(is_area_code("城东"));
  CHECK_FALSE(is_area_code("3212 02"));
  CHECK_FALSE(is_area_code(std::string(33, '1')));
  json j = {{"a", "321202"}, {"b", ""}, {"c", "东"}};
  json_in::Reader r(j);
  CHECK(read_area(r, "a", true) == "321202");
  CHECK(read_area(r, "b", false).empty());
  CHECK(read_area(r, "missing", false).empty());
  CHECK(r.ok());
  CHECK(read_area(r, "b", true).empty());
  CHECK(read_area(r, "c", true).empty());
  CHECK(has_error(r.errors(), "b", "required"));
  CHECK(has_error(r.errors(), "c", "area_invalid"));
}

TEST_CASE("unknown fields are named, even long ones cut short") {
  constexpr std::array<std::string_view, 1> known = {"name"};
  json j = {{"name", "x"}, {"nmae", "y"}, {std::string(100, 'z'), 1}};
  json_in::Reader r(j);
  refuse_unknown_fields(r, j, known);
  CHECK(r.errors().size() == 2);
  CHECK(has_error(r.errors(), "nmae", "field_unknown"));
  CHECK(has_error(r.errors(), std::string(40, 'z'), "field_unknown"));
}

TEST_CASE("small helpers") {
  CHECK(iso_moment(0) == "1970-01-01T00:00:00Z");
  CHECK(field_str({{"a", "b"}}, "a") == "b");
  CHECK(field_str({{"a", 1}}, "a").empty());
  CHECK(field_str(json::array(), "a").empty());
  CHECK(records_unavailable().code == "records_unavailable");
  CHECK_FALSE(records_unavailable().message_zh.empty());
}

}
