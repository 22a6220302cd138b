#include "core/pinyin.h"

#include <algorithm>

#include "core/pinyin_table.h"
#include "core/text.h"

namespace nx::pinyin {

std::uint32_t initials(char32_t c) {
  if (c < kTableFirst || c > kTableLast) return 0;
  const auto more = std::lower_bound(kMoreInitials, kMoreInitials + kMoreInitialsCount, c,
                                     [](const MoreInitials& m, char32_t x) { return m.c < x; });
  if (more != kMoreInitials + kMoreInitialsCount && more->c == c) return more->mask;
  const char first = kFirstLetter[c - kTableFirst];
  return first >= 'a' && first <= 'z' ? 1u << (first - 'a') : 0;
}

std::vector<std::uint32_t> initials_of(std::string_view text) {
  std::vector<std::uint32_t> masks;
  for (char32_t c : text::decode_utf8(text)) masks.push_back(initials(c));
  return masks;
}

bool matches_initials(const std::vector<std::uint32_t>& masks, std::string_view letters) {
  if (letters.empty() || letters.size() > masks.size()) return false;
  for (std::size_t start = 0; start + letters.size() <= masks.size(); ++start) {
    std::size_t i = 0;
    while (i < letters.size() && letters[i] >= 'a' && letters[i] <= 'z' && (masks[start + i] >> (letters[i] - 'a') & 1u)) ++i;
    if (i == letters.size()) return true;
  }
  return false;
}

bool looks_like_initials(std::string_view query) {
  return !query.empty() && std::all_of(query.begin(), query.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace nx::pinyin
