#include "core/sync/op.h"

#include <doctest/doctest.h>

#include "core/text.h"

#include <functional>

using nlohmann::json;
using nx::sync::decode_op;

namespace {
const char* kOp = "7d3c1b2a-1111-4c6b-8a7e-2f1d3c4b5a69";
const char* kId = "0b3e5c2a-9d1f-4c6b-8a7e-2f1d3c4b5a69";
const char* kHlc = "0001764400000000-00000-phone1";
json base() { return {{"op_id", kOp}, {"kind", "station"}, {"id", kId}, {"hlc", kHlc}}; }
}  // namespace

TEST_CASE("the three forms of an op decode") {
  json set = base();
  set["set"] = {{"name", "海陵驿站"}};
  auto op = decode_op(set);
  REQUIRE(op.ok());
  CHECK(op.value().set["name"] == "海陵驿站");
  CHECK(op.value().transition.empty());
  CHECK(decode_op(op.value().to_json()).value() == op.value());

  json step = base();
  step["transition"] = "approve";
  step["set"] = {{"note", "ok"}};
  auto t = decode_op(step);
  REQUIRE(t.ok());
  CHECK(t.value().transition == "approve");
  CHECK(decode_op(t.value().to_json()).value() == t.value());

  json del = base();
  del["delete"] = true;
  auto d = decode_op(del);
  REQUIRE(d.ok());
  CHECK(d.value().del);
  CHECK(decode_op(d.value().to_json()).value() == d.value());
}

TEST_CASE("malformed ops are refused with the field named") {
  struct Case {
    std::function<void(json&)> change;
    const char* field;
  };
  const Case cases[] = {
      {[](json& j) { j.erase("op_id"); }, "op_id"},
      {[](json& j) { j["op_id"] = "nope"; }, "op_id"},
      {[](json& j) { j["id"] = 5; }, "id"},
      {[](json& j) { j["kind"] = "Station!"; }, "kind"},
      {[](json& j) { j["hlc"] = "yesterday"; }, "hlc"},
      {[](json& j) { j["set"] = json::array(); }, "set"},
      {[](json& j) { j["set"] = {{"Bad Name", 1}}; }, "set.Bad Name"},
      {[](json& j) { j["set"] = json::object(); }, "set"},
      {[](json& j) { j["set"] = {{"a", 1}}; j["delete"] = true; }, "set"},
      {[](json& j) { j["transition"] = "DROP TABLE"; }, "transition"},
      {[](json& j) { j["set"] = {{"deep", json::parse("[[[[[[1]]]]]]")}}; }, "set.deep"},
      {[](json& j) { (void)j; }, "op"},  // none of set / transition / delete
  };
  for (const Case& c : cases) {
    json j = base();
    if (std::string(c.field) != "op" && !j.contains("set") && std::string(c.field) != "set" &&
        std::string(c.field).rfind("set.", 0) != 0 && std::string(c.field) != "transition")
      j["set"] = {{"name", "x"}};
    c.change(j);
    auto op = decode_op(j);
    CAPTURE(j.dump());
    REQUIRE_FALSE(op.ok());
    CHECK(op.error().field == c.field);
  }
  CHECK(decode_op(json::array()).error().code == "type_invalid");
  CHECK(decode_op(json("op")).error().code == "type_invalid");
}

TEST_CASE("a bad field name is named back as valid text, cut on a character boundary") {
  json j = base();
  std::string name = "a";
  for (int i = 0; i < 30; ++i) name += "\u00e9";  // é is two bytes: byte 40 falls inside one
  j["set"] = {{name, 1}};
  const auto e = decode_op(j).error();
  CHECK(e.code == "field_invalid");
  CHECK(nx::text::is_valid_utf8(e.field));
  CHECK(e.field.size() <= 4 + 40);
}

TEST_CASE("too many fields in one op") {
  json j = base();
  for (int i = 0; i < 65; ++i) j["set"]["f" + std::to_string(i)] = i;
  CHECK(decode_op(j).error().code == "too_many_fields");
}
