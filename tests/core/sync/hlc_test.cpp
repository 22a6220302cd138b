#include "core/sync/hlc.h"

#include <doctest/doctest.h>

using nx::sync::Hlc;
using nx::sync::HlcClock;

TEST_CASE("stamps order by wall time, then counter, then device; strings sort the same way") {
  const Hlc a{1000, 0, "a"}, b{1000, 1, "a"}, c{1000, 1, "b"}, d{1001, 0, "a"};
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c < d);
  CHECK(a.to_string() < b.to_string());
  CHECK(b.to_string() < c.to_string());
  CHECK(c.to_string() < d.to_string());
  CHECK(Hlc::parse(c.to_string()) == c);
}

TEST_CASE("malformed stamps do not parse") {
  for (const char* s : {"", "123", "0000000000001000-00000-", "000000000000100x-00000-dev", "0000000000001000-0000x-dev",
                        "0000000000001000-00000-dev ice", "-000000000001000-00000-dev"}) {
    CAPTURE(s);
    CHECK_FALSE(Hlc::parse(s));
  }
}

TEST_CASE("tick is strictly increasing even when the clock goes backwards") {
  HlcClock clock("phone1");
  Hlc last = clock.tick(5000);
  for (std::int64_t now : {5000, 4000, 6000, 6000, 100}) {
    const Hlc next = clock.tick(now);
    CHECK(last < next);
    last = next;
  }
  CHECK(last.device == "phone1");
}

TEST_CASE("more events in one millisecond than the counter holds carry into the next millisecond") {
  HlcClock clock("seed");
  Hlc last = clock.tick(7000);
  for (int i = 0; i < 250'000; ++i) {
    const Hlc next = clock.tick(7000);
    REQUIRE(last < next);
    REQUIRE(next.counter <= 99'999);
    last = next;
  }
  CHECK(last.wall_ms == 7002);
  CHECK(Hlc::parse(last.to_string()) == last);  // always five digits, always readable
  clock.observe(Hlc{8000, 99'999, "other"}, 0);
  const Hlc after = clock.tick(0);
  CHECK(Hlc::parse(after.to_string()) == after);
  CHECK(Hlc{8000, 99'999, "other"} < after);
}

TEST_CASE("observe keeps causality across skewed devices") {
  // Phone A's clock is a day ahead; B, behind, hears of A's write and then writes: B's stamp
  // must still be after A's, so B's later edit wins.
  const std::int64_t day = 86'400'000;
  HlcClock a("a"), b("b");
  const Hlc from_a = a.tick(10 * day + day);
  b.observe(from_a, 10 * day);
  const Hlc from_b = b.tick(10 * day + 5);
  CHECK(from_a < from_b);
  // And A, hearing back, moves past B.
  a.observe(from_b, 11 * day);
  CHECK(from_b < a.tick(11 * day));
}
