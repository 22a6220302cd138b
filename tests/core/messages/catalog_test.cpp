// The message catalog: every code has words in both languages, parameters land where each
// language puts them, and codes cross the wire by name.
#include "core/messages/catalog.h"

#include <doctest/doctest.h>

#include <string>

using nx::Locale;
using nx::Msg;

TEST_CASE("every code of the catalog has text in both languages") {
  for (std::size_t i = 0; i < static_cast<std::size_t>(Msg::Count_); ++i) {
    const auto msg = static_cast<Msg>(i);
    CAPTURE(nx::message_name(msg));
    CHECK_FALSE(nx::message_text(msg, Locale::ZhCN).empty());
    CHECK_FALSE(nx::message_text(msg, Locale::En).empty());
    CHECK_FALSE(nx::message_name(msg).empty());
  }
}

TEST_CASE("the tab bar reads 首页 驿站 服务 活动 我的 in Chinese") {
  CHECK(nx::message_text(Msg::TabHome, Locale::ZhCN) == "首页");
  CHECK(nx::message_text(Msg::TabStations, Locale::ZhCN) == "驿站");
  CHECK(nx::message_text(Msg::TabServices, Locale::ZhCN) == "服务");
  CHECK(nx::message_text(Msg::TabEvents, Locale::ZhCN) == "活动");
  CHECK(nx::message_text(Msg::TabMe, Locale::ZhCN) == "我的");
  CHECK(nx::message_text(Msg::TabStations, Locale::En) == "Stations");
}

TEST_CASE("English text contains no Chinese except the name of the Chinese language") {
  for (std::size_t i = 0; i < static_cast<std::size_t>(Msg::Count_); ++i) {
    const auto msg = static_cast<Msg>(i);
    if (msg == Msg::LanguageChinese) continue;
    const std::string_view en = nx::message_text(msg, Locale::En);
    CAPTURE(std::string(en));
    // UTF-8 lead bytes of CJK ideographs are 0xE3..0xE9
    bool has_cjk = false;
    for (unsigned char c : en) has_cjk |= (c >= 0xE3 && c <= 0xE9);
    CHECK_FALSE(has_cjk);
  }
}

TEST_CASE("both languages of a message take the same number of parameters") {
  const auto holes = [](std::string_view t) {
    int n = 0;
    for (auto at = t.find("{}"); at != std::string_view::npos; at = t.find("{}", at + 2)) ++n;
    return n;
  };
  for (std::size_t i = 0; i < static_cast<std::size_t>(Msg::Count_); ++i) {
    const auto msg = static_cast<Msg>(i);
    CAPTURE(nx::message_name(msg));
    CHECK(holes(nx::message_text(msg, Locale::ZhCN)) == holes(nx::message_text(msg, Locale::En)));
  }
}

TEST_CASE("parameters land where each language puts them; a code crosses the wire by name") {
  CHECK(nx::render(Msg::InsuranceOpensOn, Locale::ZhCN, {"7月1日"}) == "7月1日 开始报名");
  CHECK(nx::render(Msg::InsuranceOpensOn, Locale::En, {"1 July"}) == "Enrolment opens on 1 July");
  const nx::Message m{Msg::InsuranceOpensOn, {"{}"}};  // a parameter that looks like a hole stays itself
  CHECK(m.text(Locale::En) == "Enrolment opens on {}");
  CHECK(nx::message_named(nx::message_name(Msg::TabMe)) == Msg::TabMe);
  CHECK_FALSE(nx::message_named("NoSuchMessage"));
  CHECK_FALSE(nx::Message{});
}

TEST_CASE("an out-of-range code never yields null or empty text") {
  CHECK(nx::message_text(Msg::Count_, Locale::ZhCN) == "?");
}
