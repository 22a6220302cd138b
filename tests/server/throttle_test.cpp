#include "server/auth/throttle.h"

#include <doctest/doctest.h>

using namespace nx::server::auth;

TEST_CASE("below the limit an attempt is allowed at once") {
  CHECK(retry_after_seconds(kAccountRule, {}, 1000) == 0);
  CHECK(retry_after_seconds(kAccountRule, {4000, 3000, 2000, 1000}, 5000) == 0);
}

TEST_CASE("at the limit the wait ends when the oldest counted attempt leaves the window") {
  const std::int64_t t0 = 1'000'000;
  const std::vector<std::int64_t> five = {t0 + 4 * kMinuteMs, t0 + 3 * kMinuteMs, t0 + 2 * kMinuteMs, t0 + kMinuteMs, t0};
  CHECK(retry_after_seconds(kAccountRule, five, t0 + 5 * kMinuteMs) == 10 * 60);
  CHECK(retry_after_seconds(kAccountRule, five, t0 + 15 * kMinuteMs - 1) == 1);
  CHECK(retry_after_seconds(kAccountRule, five, t0 + 15 * kMinuteMs) == 0);
}

TEST_CASE("the address rule allows more attempts than the account rule") {
  std::vector<std::int64_t> many(10, 1000);
  CHECK(retry_after_seconds(kAccountRule, many, 2000) > 0);
  CHECK(retry_after_seconds(kAddressRule, many, 2000) == 0);
}
