#include "core/services/public_phone.h"

#include <doctest/doctest.h>

using nx::services::normalize_public_phone;
using nx::services::public_phone;

TEST_SUITE("services/public_phone") {

TEST_CASE("landlines with an area code are accepted in the ways people write them") {
  CHECK(normalize_public_phone("0523-86012345") == "0523-86012345");
  CHECK(normalize_public_phone("0523 8601 2345") == "0523-86012345");
  CHECK(normalize_public_phone("052386012345") == "0523-86012345");
  CHECK(normalize_public_phone("(0523)86012345") == "0523-86012345");
  CHECK(normalize_public_phone("+86 523 86012345") == "0523-86012345");
  CHECK(normalize_public_phone("0523-8601234") == "0523-8601234");  // 7-digit local numbers exist
  // Beijing and the 02x cities have 3-digit area codes.
  CHECK(normalize_public_phone("010-12345678") == std::nullopt);  // local numbers never start with 1
  CHECK(normalize_public_phone("010-62345678") == "010-62345678");
  CHECK(normalize_public_phone("02584562345") == "025-84562345");
}

TEST_CASE("mobiles, 400 numbers and 12xxx hotlines are accepted") {
  CHECK(normalize_public_phone("138 0013 8000") == "13800138000");
  CHECK(normalize_public_phone("+86 138-0013-8000") == "13800138000");
  CHECK(normalize_public_phone("400-812-3123") == "400-812-3123");
  CHECK(normalize_public_phone("4008123123") == "400-812-3123");
  CHECK(normalize_public_phone("12351") == "12351");  // the union's hotline
}

TEST_CASE("anything else is refused with words that show both accepted forms") {
  for (const char* bad : {"", "86012345", "0523-861", "0523-086012345", "0523-186012345", "011-62345678",
                          "0523-860123456", "1380013800", "12345678901", "0523-86012345 转 8", "+1 415 555 0100",
                          "abc", "123", "0"}) {
    CAPTURE(bad);
    CHECK(normalize_public_phone(bad) == std::nullopt);
    auto e = public_phone(bad, "phone");
    REQUIRE(e);
    CHECK(e->code == "phone_invalid");
    CHECK(e->field == "phone");
    CHECK(e->message_zh.find("0523-86012345") != std::string::npos);
    CHECK(e->message_en.find("area code") != std::string::npos);
  }
  CHECK_FALSE(public_phone("0523-86012345", "phone"));
}

}
