// Pinyin initials from the generated Unihan table: the common surnames and given names, the
// characters read more than one way, and what is not a hanzi.
#include "core/pinyin.h"

#include <doctest/doctest.h>

using namespace nx::pinyin;

namespace {
std::uint32_t bits(std::string_view letters) {
  std::uint32_t m = 0;
  for (char c : letters) m |= 1u << (c - 'a');
  return m;
}
}  // namespace

TEST_CASE("a character's initials are its readings' first letters") {
  CHECK(initials(U'王') == bits("w"));
  CHECK(initials(U'军') == bits("j"));
  CHECK(initials(U'刘') == bits("l"));
  CHECK(initials(U'张') == bits("z"));   // zh is z, as every initials search types it
  CHECK(initials(U'单') == bits("cds"));  // chán, dān, and shàn the surname
  CHECK(initials(U'曾') == bits("cz"));
  CHECK(initials(U'区') == bits("oq"));
  CHECK(initials(U'王') != bits("wy"));  // the classical yù is not typed by anyone
  CHECK(initials(U'一') == bits("y"));
  CHECK(initials(U'\u9FA5') != 0);       // the last of GB 2312's range
  CHECK(initials(U'a') == 0);
  CHECK(initials(U'，') == 0);
  CHECK(initials(U'\u3400') == 0);        // extension A: typed, not abbreviated
}

TEST_CASE("initials match consecutive characters anywhere in a name") {
  const auto wang_jun = initials_of("王军");
  CHECK(matches_initials(wang_jun, "wj"));
  CHECK(matches_initials(wang_jun, "w"));
  CHECK(matches_initials(wang_jun, "j"));
  CHECK_FALSE(matches_initials(wang_jun, "jw"));
  CHECK_FALSE(matches_initials(wang_jun, "wjj"));
  CHECK_FALSE(matches_initials(wang_jun, ""));
  CHECK(matches_initials(initials_of("刘伟"), "lw"));
  CHECK(matches_initials(initials_of("王建军"), "jj"));
  CHECK(matches_initials(initials_of("王建军"), "wjj"));
  CHECK_FALSE(matches_initials(initials_of("王建军"), "wjw"));
  CHECK_FALSE(matches_initials(initials_of("王建军"), "wjjj"));
  CHECK(matches_initials(initials_of("单磊"), "sl"));
  CHECK(matches_initials(initials_of("单磊"), "dl"));
  CHECK(matches_initials(initials_of("阿依古丽·买买提"), "mmt"));
  CHECK_FALSE(matches_initials(initials_of("Li Wei"), "lw"));  // letters are searched as letters
  CHECK_FALSE(matches_initials(wang_jun, "W"));
  CHECK_FALSE(matches_initials(wang_jun, "w1"));
}

TEST_CASE("only a-z may be initials") {
  CHECK(looks_like_initials("wj"));
  CHECK_FALSE(looks_like_initials(""));
  CHECK_FALSE(looks_like_initials("w j"));
  CHECK_FALSE(looks_like_initials("138"));
  CHECK_FALSE(looks_like_initials("王"));
  CHECK_FALSE(looks_like_initials("WJ"));  // the search is folded to lower case first
}
