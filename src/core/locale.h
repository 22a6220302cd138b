#pragma once
// The languages the app speaks. zh-CN is the default: the workers and staff read Chinese.
#include <optional>
#include <string_view>

namespace nx {

enum class Locale { ZhCN, En };

constexpr std::string_view locale_tag(Locale l) { return l == Locale::En ? "en" : "zh-CN"; }

// Accepts BCP 47 tags as browsers send them ("zh", "zh-CN", "zh-Hans-CN", "en-US", ...).
constexpr std::optional<Locale> parse_locale(std::string_view tag) {
  if (tag.substr(0, 2) == "zh") return Locale::ZhCN;
  if (tag.substr(0, 2) == "en") return Locale::En;
  return std::nullopt;
}

}  // namespace nx
