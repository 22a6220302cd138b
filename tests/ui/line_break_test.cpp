#include "ui/line_break.h"

#include <doctest/doctest.h>

#include <string>

using nx::ui::break_lines;

namespace {
// Every character one unit wide: `width` is a number of characters.
std::vector<std::string> lines(std::string_view text, float width) {
  std::vector<std::string> out;
  for (std::string_view l : break_lines(text, width, [](char32_t) { return 1.0f; })) out.emplace_back(l);
  return out;
}
using Lines = std::vector<std::string>;
}  // namespace

TEST_CASE("Chinese breaks between any two characters when the line is full") {
  CHECK(lines("找附近的户外劳动者驿站", 4) == Lines{"找附近的", "户外劳动", "者驿站"});
  CHECK(lines("短句", 10) == Lines{"短句"});
  CHECK(lines("", 10).empty());
}

TEST_CASE("a line never starts with a closing mark: the character before moves down with it") {
  // 10 wide: "喝水、歇脚、充电、纳凉" would put "、" first on the second line.
  CHECK(lines("喝水歇脚充电歇脚充电、纳凉取暖。", 10) == Lines{"喝水歇脚充电歇脚充", "电、纳凉取暖。"});
  CHECK(lines("请问需要准备什么材料？", 10) == Lines{"请问需要准备什么材", "料？"});
  // Nor ends with an opening mark.
  CHECK(lines("工会律师顾问团（免费）", 7) == Lines{"工会律师顾问团", "（免费）"});
  CHECK(lines("工会律师顾问（免费）", 7) == Lines{"工会律师顾问", "（免费）"});
}

TEST_CASE("Latin words break at spaces, and a word too long is cut where it overflows") {
  CHECK(lines("Cover the union pays", 10) == Lines{"Cover the", "union pays"});
  CHECK(lines("abcdefghijkl", 5) == Lines{"abcde", "fghij", "kl"});
  CHECK(lines("会员 2026-07-01 到期", 10) == Lines{"会员", "2026-07-01", "到期"});
  CHECK(lines("会员 2026-07-01 到期", 8) == Lines{"会员", "2026-07-", "01 到期"});
}

TEST_CASE("explicit line breaks stay, blank lines included") {
  CHECK(lines("第一段。\n\n第二段。", 20) == Lines{"第一段。", "", "第二段。"});
}
