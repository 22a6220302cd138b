#include "core/validate.h"

#include <doctest/doctest.h>

#include <limits>

using namespace nx::validate;

TEST_CASE("mainland mobile numbers normalize and validate") {
  CHECK(normalize_phone("13800138000") == "13800138000");
  CHECK(normalize_phone("+86 138-0013-8000") == "13800138000");
  CHECK(normalize_phone("86 13800138000") == "13800138000");
  CHECK(normalize_phone("(138) 0013 8000") == "13800138000");
  CHECK_FALSE(normalize_phone("12800138000"));   // 12x is not a mobile prefix
  CHECK_FALSE(normalize_phone("1380013800"));    // 10 digits
  CHECK_FALSE(normalize_phone("138001380001"));  // 12 digits
  CHECK_FALSE(normalize_phone("1380013800a"));
  CHECK_FALSE(normalize_phone("１３８００１３８０００"));  // full-width digits are not accepted silently
  CHECK_FALSE(phone("13800138000"));
  auto e = phone("12345");
  REQUIRE(e);
  CHECK(e->code == "phone_invalid");
  CHECK(e->field == "phone");
  CHECK(phone("")->code == "required");
  CHECK(mask_phone("13800138000") == "138****8000");
}

TEST_CASE("person names") {
  CHECK_FALSE(person_name("王小明"));
  CHECK_FALSE(person_name("买买提·艾力"));
  CHECK_FALSE(person_name("Li Wei"));
  CHECK_FALSE(person_name("王䶮"));
  CHECK(person_name("")->code == "required");
  CHECK(person_name("   ")->code == "required");
  CHECK(person_name("王2")->code == "name_invalid");
  CHECK(person_name("<script>")->code == "name_invalid");
  CHECK(person_name(std::string(31 * 3, 'a').substr(0, 31))->code == "too_long");
  CHECK(person_name("\xff")->code == "encoding_invalid");
  const auto e = person_name("王2", "member_name");
  CHECK(e->field == "member_name");
  CHECK_FALSE(e->message_zh.empty());
  CHECK_FALSE(e->message_en.empty());
}

TEST_CASE("text lengths count characters") {
  CHECK_FALSE(text("工资被拖欠", "description", 5));
  CHECK(text("工资被拖欠了", "description", 5)->code == "too_long");
  CHECK(text("", "description", 5, 1)->code == "required");
  CHECK(text("a", "description", 5, 2)->code == "too_short");
}

TEST_CASE("PINs are six digits and not trivially guessable") {
  CHECK_FALSE(pin("274915"));
  CHECK(pin("12345")->code == "pin_invalid");
  CHECK(pin("12345a")->code == "pin_invalid");
  CHECK(pin("111111")->code == "pin_weak");
  CHECK(pin("123456")->code == "pin_weak");
  CHECK(pin("654321")->code == "pin_weak");
}

TEST_CASE("dates, times and moments") {
  CHECK_FALSE(date("2028-02-29", "d"));
  CHECK(date("2026-02-29", "d")->code == "date_invalid");
  CHECK(date("2026-13-01", "d"));
  CHECK(date("2026-1-1", "d"));
  CHECK_FALSE(time_of_day("00:00", "t"));
  CHECK_FALSE(time_of_day("24:00", "t"));
  CHECK(time_of_day("24:01", "t"));
  CHECK(time_of_day("8:30", "t"));
  CHECK_FALSE(datetime("2026-11-29T08:30:00+08:00", "at"));
  CHECK_FALSE(datetime("2026-11-29T00:30:00Z", "at"));
  CHECK(datetime("2026-11-29T08:30:00", "at"));  // no zone: ambiguous
}

TEST_CASE("coordinates and ids") {
  CHECK_FALSE(latitude(32.45));
  CHECK(latitude(91));
  CHECK(longitude(-181));
  CHECK(latitude(std::numeric_limits<double>::quiet_NaN()));
  CHECK(is_uuid("0b3e5c2a-9d1f-4c6b-8a7e-2f1d3c4b5a69"));
  CHECK_FALSE(is_uuid("0b3e5c2a-9d1f-4c6b-8a7e-2f1d3c4b5a6"));
  CHECK_FALSE(is_uuid("0b3e5c2a_9d1f-4c6b-8a7e-2f1d3c4b5a69"));
  CHECK_FALSE(is_uuid("0B3E5C2A-9D1F-4C6B-8A7E-2F1D3C4B5A69"));  // one spelling per id
  CHECK(uuid("x")->code == "id_invalid");
}
