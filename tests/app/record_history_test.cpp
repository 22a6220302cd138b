// 修改记录: the server's audit entries read as lines a person can follow.
#include "app/record_history.h"

#include <doctest/doctest.h>

#include "core/sync/op.h"

using namespace nx;
using namespace nx::app;
using nlohmann::json;

TEST_CASE("a record's history reads as who did what, oldest first") {
  const json answer = {{"kind", "membership_application"}, {"id", "x"}, {"history", json::array({
      {{"at", 1000}, {"user_name", "孙小满"}, {"status", "applied"}, {"op", {{"set", {{"name", "孙小满"}}}}}, {"previous", {{"name", nullptr}}}},
      {{"at", 2000}, {"user_name", "孙小满"}, {"status", "applied"}, {"op", {{"transition", "submit"}, {"set", json::object()}}}, {"previous", {{"status", "draft"}}}},
      {{"at", 3000}, {"user_name", ""}, {"user_id", "u-7"}, {"status", "applied"}, {"op", {{"set", {{"phone", "1"}, {"employer", "美团"}}}}}, {"previous", {{"phone", "0"}}}},
      {{"at", 4000}, {"user_name", "陆德志"}, {"status", "rejected"}, {"op", {{"transition", "approve"}}}, {"previous", {{"status", "submitted"}}}},
      {{"at", 5000}, {"op", "not an op"}},
  })}};
  const auto lines = read_history(answer);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].at_ms == 1000);
  CHECK(lines[0].who == "孙小满");
  CHECK(lines[0].text(Locale::ZhCN) == "新建");
  CHECK_FALSE(lines[0].refused);
  CHECK(lines[1].text(Locale::ZhCN) == "提交");
  CHECK(lines[2].who == "u-7");
  CHECK(lines[2].text(Locale::ZhCN) == "修改：employer、phone");
  CHECK(lines[2].text(Locale::En) == "changed: employer, phone");
  CHECK(lines[3].text(Locale::ZhCN) == "批准");
  CHECK(lines[3].refused);
  CHECK(lines[3].text(Locale::En) == "approved");  // the same line, read again in English
  CHECK(read_history(json::array()).empty());
}

TEST_CASE("a deletion reads as 删除, with the op as the phone sends it") {
  // The op in the audit trail is the op as pushed: built here by the core's own encoder, so
  // this test follows the wire format instead of a hand-written guess at it.
  sync::Op del{"op-1", "service_request", "x", sync::Hlc{5000, 0, "phone"}, nlohmann::json::object(), "", true};
  const json answer = {{"history", json::array({
      {{"at", 5000}, {"user_name", "陆德志"}, {"status", "applied"}, {"op", del.to_json()}, {"previous", {{"status", "open"}}}},
  })}};
  const auto lines = read_history(answer);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text(Locale::ZhCN) == "删除");
  CHECK(lines[0].text(Locale::En) == "deleted");
}
