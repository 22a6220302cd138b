// The message catalog: every code has words in both languages, parameters land where each
// language puts them, and codes cross the wire by name.
#include "core/messages/catalog.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>

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

TEST_CASE("both languages of a message take the same parameters") {
  // How many "{}" a text has, and which "{N}" it names.
  const auto holes = [](std::string_view t) {
    int plain = 0;
    std::set<char> named;
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      if (t[i] != '{') continue;
      if (t[i + 1] == '}') ++plain;
      else if (i + 2 < t.size() && t[i + 2] == '}' && t[i + 1] >= '0' && t[i + 1] <= '9') named.insert(t[i + 1]);
    }
    return std::pair{plain, named};
  };
  for (std::size_t i = 0; i < static_cast<std::size_t>(Msg::Count_); ++i) {
    const auto msg = static_cast<Msg>(i);
    CAPTURE(nx::message_name(msg));
    const auto zh = holes(nx::message_text(msg, Locale::ZhCN)), en = holes(nx::message_text(msg, Locale::En));
    CHECK(zh.first == en.first);
    CHECK((zh.first == 0 || zh.second.empty()));  // one style in a row, not both
    // A language may leave out a parameter the other needs (English names the month, Chinese
    // numbers it), but each names parameters from 0 up with no gap in the union of both.
    std::set<char> both = zh.second;
    both.insert(en.second.begin(), en.second.end());
    CHECK((both.empty() || *both.rbegin() - '0' + 1 == static_cast<int>(both.size())));
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
  // Named holes put the parameters in each language's order; a word of the catalog is said in
  // the language being drawn.
  const nx::Message when{Msg::SessionWhen, {"8", "5", Msg::WeekdayWed, "14:00–16:00", Msg::MonthAug}};
  CHECK(when.text(Locale::ZhCN) == "8月5日 周三 14:00–16:00");
  CHECK(when.text(Locale::En) == "Wed 5 Aug 14:00–16:00");
  CHECK(nx::render(Msg::SessionWhen, Locale::En, {"8"}) == "{2} {1} {4} {3}");  // missing: the holes stay
}

TEST_CASE("an out-of-range code never yields null or empty text") {
  CHECK(nx::message_text(Msg::Count_, Locale::ZhCN) == "?");
}
