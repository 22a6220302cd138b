#pragma once
// The generated table behind core/pinyin.h (tools/make_pinyin_initials.py, at build time from
// Debian's Unihan readings). Read it through pinyin.h.
#include <cstdint>

namespace nx::pinyin {

struct MoreInitials {
  char32_t c;
  std::uint32_t mask;  // bit 0 is a, bit 25 z
};

extern const char32_t kTableFirst;
extern const char32_t kTableLast;
extern const char kFirstLetter[];
extern const MoreInitials kMoreInitials[];  // sorted by character
extern const unsigned kMoreInitialsCount;

}  // namespace nx::pinyin
