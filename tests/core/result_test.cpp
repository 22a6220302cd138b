#include "core/result.h"

#include <doctest/doctest.h>

#include <memory>

using nx::Error;
using nx::Result;

TEST_CASE("a Result holds either a value or an error") {
  Result<int> good = 42;
  CHECK(good.ok());
  CHECK(static_cast<bool>(good));
  CHECK(good.value() == 42);

  Result<int> bad = Error{"phone_invalid", "phone", "手机号格式不对", "The phone number is not valid"};
  CHECK_FALSE(bad.ok());
  CHECK(bad.error().code == "phone_invalid");
  CHECK(bad.error().field == "phone");
}

TEST_CASE("an Error speaks the person's language") {
  const Error e{"required", "name", "请填写姓名", "Please enter a name"};
  CHECK(e.message(nx::Locale::ZhCN) == "请填写姓名");
  CHECK(e.message(nx::Locale::En) == "Please enter a name");
}

TEST_CASE("a Result can carry move-only values") {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
  REQUIRE(r.ok());
  std::unique_ptr<int> taken = std::move(r).value();
  CHECK(*taken == 7);
}
