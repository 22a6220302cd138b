#include "core/uuid.h"

#include <doctest/doctest.h>

#include "core/validate.h"

TEST_CASE("a version 4 UUID from random bytes: version and variant set, lowercase, valid") {
  std::array<std::uint8_t, 16> bytes{};
  bytes.fill(0xff);
  const std::string id = nx::uuid_v4(bytes);
  CHECK(id == "ffffffff-ffff-4fff-bfff-ffffffffffff");
  CHECK(nx::validate::is_uuid(id));
  bytes.fill(0);
  CHECK(nx::uuid_v4(bytes) == "00000000-0000-4000-8000-000000000000");
}
