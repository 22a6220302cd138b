#include "core/membership/steps.h"

#include <doctest/doctest.h>

using namespace nx;
using namespace nx::membership;
using nlohmann::json;

TEST_SUITE("membership") {

TEST_CASE("the step log records who did what when, and stays bounded") {
  const Actor staff{"s-1", Role::Staff, "u", ""};
  json fields = json::object();
  append_step(fields, "submit", staff, 0);
  append_step(fields, "reject", staff, 1000, "资料不实");
  auto steps = read_steps(fields);
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].step == "submit");
  CHECK(steps[0].at == "1970-01-01T00:00:00Z");
  CHECK(steps[0].note.empty());
  CHECK_FALSE(fields["steps"][0].contains("note"));
  CHECK(steps[1].at_ms == 1000);
  CHECK(steps[1].by == "s-1");
  CHECK(steps[1].note == "资料不实");

  for (int i = 0; i < 150; ++i) append_step(fields, "renew", staff, (2 + i) * 1000);
  steps = read_steps(fields);
  CHECK(steps.size() == kMaxSteps);
  CHECK(steps.front().at_ms == (2 + 150 - static_cast<std::int64_t>(kMaxSteps)) * 1000);  // the oldest dropped
  CHECK_FALSE(check_steps_field(fields));
}

TEST_CASE("a damaged step log is skipped where it is read and refused where it is written") {
  json fields = {{"steps", json::array({json{{"step", "submit"}, {"at", "bad"}}, json(5),
                                         json{{"step", "approve"}, {"at", "2026-07-01T02:00:00Z"}}})}};
  auto steps = read_steps(fields);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].step == "approve");
  CHECK(check_steps_field(fields)->code == "steps_invalid");
  CHECK(check_steps_field({{"steps", "x"}})->field == "steps");
  CHECK(read_steps({{"steps", "x"}}).empty());
  CHECK(read_steps(json::array()).empty());
  CHECK_FALSE(check_steps_field(json::object()));
  // A log that is replaced by a non-array is started afresh.
  json replaced = {{"steps", 3}};
  append_step(replaced, "create", Actor{}, 0);
  CHECK(replaced["steps"].size() == 1);
}

TEST_CASE("a step takes only the parameters it is about") {
  constexpr std::array<std::string_view, 1> allowed = {"reject_reason"};
  CHECK(only_params("reject", {{"reject_reason", "x"}}, allowed));
  CHECK(only_params("reject", json::object(), allowed));
  auto s = only_params("reject", {{"reject_reason", "x"}, {"unit_id", "y"}}, allowed);
  REQUIRE_FALSE(s);
  CHECK(s.error().code == "param_not_allowed");
  CHECK(s.error().field == "unit_id");
  CHECK_FALSE(only_params("approve", {{"a", 1}}, {}));

  CHECK(required_param_text({{"r", "理由"}}, "r", 5, Msg::ErrSayWhyNotApproved));
  CHECK(required_param_text({}, "r", 5, Msg::ErrSayWhyNotApproved).error().message_zh == "请写明不批准的原因，申请人会看到");
  CHECK(required_param_text({{"r", "\u3000"}}, "r", 5, Msg::ErrSayWhyNotApproved).error().code == "required");
  CHECK(required_param_text({{"r", "一二三四五六"}}, "r", 5, Msg::ErrSayWhyNotApproved).error().code == "too_long");
}

}
