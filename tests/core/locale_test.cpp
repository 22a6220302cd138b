#include "core/locale.h"

#include <doctest/doctest.h>

TEST_CASE("browser language tags map to the app's languages") {
  CHECK(nx::parse_locale("zh-CN") == nx::Locale::ZhCN);
  CHECK(nx::parse_locale("zh-Hans-CN") == nx::Locale::ZhCN);
  CHECK(nx::parse_locale("zh") == nx::Locale::ZhCN);
  CHECK(nx::parse_locale("en-US") == nx::Locale::En);
  CHECK_FALSE(nx::parse_locale("fr-FR").has_value());
  CHECK_FALSE(nx::parse_locale("").has_value());
  CHECK(nx::locale_tag(nx::Locale::ZhCN) == "zh-CN");
  CHECK(nx::locale_tag(nx::Locale::En) == "en");
}
