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
  const auto lines = read_history(answer, Locale::ZhCN);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == HistoryLine{1000, "孙小满", "新建", false});
  CHECK(lines[1].what == "提交");
  CHECK(lines[2].who == "u-7");
  CHECK(lines[2].what == "修改：employer、phone");
  CHECK(lines[3].what == "批准");
  CHECK(lines[3].refused);
  CHECK(read_history(answer, Locale::En)[3].what == "approved");
  CHECK(read_history(json::array(), Locale::ZhCN).empty());
}

TEST_CASE("a deletion reads as 删除, with the op as the phone sends it") {
  // The op in the audit trail is the op as pushed: built here by the core's own encoder, so
  // this test follows the wire format instead of a hand-written guess at it.
  sync::Op del{"op-1", "service_request", "x", sync::Hlc{5000, 0, "phone"}, nlohmann::json::object(), "", true};
  const json answer = {{"history", json::array({
      {{"at", 5000}, {"user_name", "陆德志"}, {"status", "applied"}, {"op", del.to_json()}, {"previous", {{"status", "open"}}}},
  })}};
  const auto zh = read_history(answer, Locale::ZhCN);
  REQUIRE(zh.size() == 1);
  CHECK(zh[0].what == "删除");
  CHECK(read_history(answer, Locale::En)[0].what == "deleted");
}
