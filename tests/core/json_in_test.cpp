#include "core/json_in.h"

#include <doctest/doctest.h>

using nlohmann::json;
using namespace nx::json_in;

TEST_CASE("parse refuses what would hurt: bad JSON, bad UTF-8, deep nesting, huge strings") {
  CHECK(parse(R"({"a":1})").ok());
  CHECK(parse("{").error().code == "json_invalid");
  CHECK(parse("").error().code == "json_invalid");
  CHECK(parse("{\"a\":\"\xff\"}").error().code == "encoding_invalid");
  CHECK(parse(std::string(100, '[') + std::string(100, ']')).error().code == "too_deep");
  CHECK(parse(std::string(16, '[') + std::string(16, ']')).ok());
  Limits small;
  small.max_string_bytes = 10;
  CHECK(parse(R"({"a":"01234567890"})", small).error().code == "string_too_long");
  CHECK(parse(R"({"01234567890":1})", small).error().code == "string_too_long");
  small.max_bytes = 5;
  CHECK(parse(R"({"a":1})", small).error().code == "too_large");
  CHECK(parse("[1e999]").ok() == parse("[1e999]").ok());  // no crash on overflow, whatever the outcome
  CHECK(parse("NaN").error().code == "json_invalid");
  // A NUL would end the string early in C APIs and PostgreSQL, and mean something else there.
  CHECK(parse(R"({"a":"x\u0000y"})").error().code == "encoding_invalid");
  CHECK(parse(R"({"x\u0000":1})").error().code == "encoding_invalid");
}

TEST_CASE("a key twice in one object is refused; the same key in different objects is fine") {
  CHECK(parse(R"({"owner_id":"me","owner_id":"you"})").error().code == "duplicate_key");
  CHECK(parse(R"({"a":{"b":1,"c":{"b":2},"b":3}})").error().code == "duplicate_key");
  CHECK(parse(R"([{"a":1},{"a":2}])").ok());
  CHECK(parse(R"({"a":{"a":{"a":1}},"b":{"a":2}})").ok());
  CHECK(parse(R"({"a":{"x":1},"b":{"x":1,"y":{}},"c":{"x":1}})").ok());
  // Past 16 keys the check switches to a hash set; it must still see the repeat.
  std::string big = "{";
  for (int i = 0; i < 1000; ++i) big += "\"k" + std::to_string(i) + "\":1,";
  CHECK(parse(big + "\"k999\":2}").error().code == "duplicate_key");
  CHECK(parse(big + "\"k1000\":2}").ok());
}

TEST_CASE("many small objects parse in one pass") {
  // 100 000 of them: the parser callback this replaced needed seconds here (it was quadratic).
  std::string ops = "{\"ops\":[{}";
  for (int i = 1; i < 100000; ++i) ops += ",{\"a\":1}";
  auto parsed = parse(ops + "]}");
  REQUIRE(parsed.ok());
  CHECK(parsed.value()["ops"].size() == 100000);
  CHECK(parse(std::string(16, '[') + std::string(16, ']')).ok());
  CHECK(parse(std::string(17, '[') + std::string(17, ']')).error().code == "too_deep");
}

TEST_CASE("depth") {
  CHECK(depth(json(1)) == 0);
  CHECK(depth(json::parse("[]")) == 1);
  CHECK(depth(json::parse(R"({"a":[{"b":1}]})")) == 3);
}

TEST_CASE("Reader collects one field error per bad field and never throws") {
  const json j = json::parse(R"({"name":"王小明","age":"x","trade":"pilot","phone":"+86 138 0013 8000",
    "count":3.5,"big":18446744073709551615,"ok":"yes","tags":["a","zz"],"when":"2026-02-30"})");
  Reader r(j);
  CHECK(r.str("name") == "王小明");
  CHECK_FALSE(r.int_in("age", 0, 120));
  static constexpr std::string_view trades[] = {"delivery", "courier"};
  CHECK_FALSE(r.one_of("trade", trades));
  CHECK(r.phone("phone") == "13800138000");
  CHECK_FALSE(r.int_in("count", 0, 10));
  CHECK_FALSE(r.int_in("big", 0, 10));
  CHECK_FALSE(r.boolean("ok"));
  static constexpr std::string_view tags[] = {"a", "b"};
  CHECK_FALSE(r.string_set("tags", tags));
  CHECK_FALSE(r.date("when"));
  r.require("missing");
  CHECK_FALSE(r.str("absent"));
  const auto& errors = r.errors();
  REQUIRE(errors.size() == 8);
  CHECK(errors[0].field == "age");
  CHECK(errors[0].code == "type_invalid");
  CHECK(errors[1].code == "enum_invalid");
  CHECK(errors[2].field == "count");
  CHECK(errors[3].code == "out_of_range");
  CHECK(errors[4].field == "ok");
  CHECK(errors[5].field == "tags");
  CHECK(errors[6].code == "date_invalid");
  CHECK(errors[7].code == "required");
}

TEST_CASE("Reader on a non-object reports once") {
  const json not_an_object = json::array();
  Reader r(not_an_object, "op");
  CHECK_FALSE(r.ok());
  CHECK(r.errors().front().code == "type_invalid");
  CHECK_FALSE(r.str("x"));
  CHECK(r.errors().size() == 1);
}

TEST_CASE("required strings must have content") {
  const json j = {{"a", "  "}, {"b", 5}};
  Reader r(j);
  CHECK(r.required_str("a").empty());
  CHECK(r.required_str("b").empty());
  CHECK(r.required_str("c").empty());
  REQUIRE(r.errors().size() == 3);
  CHECK(r.errors()[0].code == "required");
  CHECK(r.errors()[1].code == "type_invalid");
  CHECK(r.errors()[2].code == "required");
}

TEST_CASE("string sets drop duplicates and keep order") {
  const json j = {{"amenities", {"water", "rest", "water"}}};
  Reader r(j);
  static constexpr std::string_view allowed[] = {"rest", "water"};
  const auto got = r.string_set("amenities", allowed);
  REQUIRE(got);
  CHECK(*got == std::vector<std::string>{"water", "rest"});
}

TEST_CASE("required readers: absent is 'required', malformed only its own error") {
  const json j = {{"id", "not-a-uuid"}, {"day", "2026-07-01"}};
  Reader r(j);
  CHECK(r.required_uuid("id").empty());
  CHECK(r.required_date("day") == "2026-07-01");
  CHECK(r.required_time_of_day("opens").empty());
  CHECK(r.required_datetime("at").empty());
  REQUIRE(r.errors().size() == 3);
  CHECK(r.errors()[0].code == "id_invalid");
  CHECK(r.errors()[1].code == "required");
  CHECK(r.errors()[1].field == "opens");
  CHECK(r.errors()[2].field == "at");
}
