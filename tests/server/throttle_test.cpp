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

TEST_CASE("addresses are counted per IPv4 address and per IPv6 /64 network") {
  CHECK(address_key("203.0.113.7") == "203.0.113.7");
  CHECK(address_key("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64");
  CHECK(address_key("2001:0db8:0001:0002:aaaa::1") == "2001:db8:1:2::/64");
  CHECK(address_key("2001:DB8:1:2::9") == "2001:db8:1:2::/64");
  CHECK(address_key("2001:db8::1") == "2001:db8:0:0::/64");
  CHECK(address_key("::1") == "0:0:0:0::/64");
  CHECK(address_key("fe80::1%eth0") == "fe80:0:0:0::/64");
}
