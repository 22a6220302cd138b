#include "core/text.h"

#include <doctest/doctest.h>

using namespace nx::text;

TEST_CASE("UTF-8 length counts characters, not bytes") {
  CHECK(utf8_length("abc") == 3u);
  CHECK(utf8_length("王师傅") == 3u);
  CHECK(utf8_length("𠮷野家") == 3u);  // a 4-byte character (Extension B)
  CHECK(utf8_length("") == 0u);
}

TEST_CASE("invalid UTF-8 is refused") {
  CHECK_FALSE(is_valid_utf8("\xff"));
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a UTF-16 surrogate
  CHECK_FALSE(is_valid_utf8("\xe7\x8e"));          // truncated
  CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
  CHECK(is_valid_utf8("骑手 rider"));
}

TEST_CASE("trim removes ASCII and ideographic spaces") {
  CHECK(trim("  王 师傅\u3000 ") == "王 师傅");
  CHECK(trim("\u3000\u3000") == "");
  CHECK(trim("x") == "x");
}

TEST_CASE("decode and encode round-trip") {
  const std::string s = "暖新 𠮷 ok";
  CHECK(encode_utf8(decode_utf8(s)) == s);
  CHECK(is_cjk_ideograph(U'暖'));
  CHECK(is_cjk_ideograph(U'䶮'));
  CHECK(is_cjk_ideograph(U'𠮷'));
  CHECK_FALSE(is_cjk_ideograph(U'a'));
  CHECK_FALSE(is_cjk_ideograph(U'，'));
}
