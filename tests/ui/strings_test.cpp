#include "ui/strings.h"

#include <doctest/doctest.h>

#include <string>

using nx::Locale;
using nx::ui::S;

TEST_CASE("every key of the string table has text in both languages") {
  CHECK(nx::ui::string_table_size() == static_cast<std::size_t>(S::Count_));
  for (std::size_t i = 0; i < static_cast<std::size_t>(S::Count_); ++i) {
    const auto key = static_cast<S>(i);
    CAPTURE(i);
    CHECK_FALSE(nx::ui::text(key, Locale::ZhCN).empty());
    CHECK_FALSE(nx::ui::text(key, Locale::En).empty());
  }
}

TEST_CASE("the tab bar reads 首页 驿站 服务 活动 我的 in Chinese") {
  CHECK(nx::ui::text(S::TabHome, Locale::ZhCN) == "首页");
  CHECK(nx::ui::text(S::TabStations, Locale::ZhCN) == "驿站");
  CHECK(nx::ui::text(S::TabServices, Locale::ZhCN) == "服务");
  CHECK(nx::ui::text(S::TabEvents, Locale::ZhCN) == "活动");
  CHECK(nx::ui::text(S::TabMe, Locale::ZhCN) == "我的");
  CHECK(nx::ui::text(S::TabStations, Locale::En) == "Stations");
}

TEST_CASE("English strings contain no Chinese except the name of the Chinese language") {
  for (std::size_t i = 0; i < static_cast<std::size_t>(S::Count_); ++i) {
    const auto key = static_cast<S>(i);
    if (key == S::LanguageChinese) continue;
    const std::string_view en = nx::ui::text(key, Locale::En);
    CAPTURE(std::string(en));
    // UTF-8 lead bytes of CJK ideographs are 0xE3..0xE9
    bool has_cjk = false;
    for (unsigned char c : en) has_cjk |= (c >= 0xE3 && c <= 0xE9);
    CHECK_FALSE(has_cjk);
  }
}

TEST_CASE("an out-of-range key never yields null or empty text") {
  CHECK(nx::ui::text(S::Count_, Locale::ZhCN) == "?");
}
