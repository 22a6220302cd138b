#include "core/base64url.h"

#include <doctest/doctest.h>

using namespace nx;

TEST_CASE("base64url: RFC 4648 vectors without padding, and the URL-safe letters") {
  CHECK(base64url_encode("") == "");
  CHECK(base64url_encode("f") == "Zg");
  CHECK(base64url_encode("fo") == "Zm8");
  CHECK(base64url_encode("foo") == "Zm9v");
  CHECK(base64url_encode("foobar") == "Zm9vYmFy");
  CHECK(base64url_encode("\xfb\xff") == "-_8");
  for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xfb\xff\x00\x01"})
    CHECK(base64url_decode(base64url_encode(s)) == s);
}

TEST_CASE("base64url refuses what is not canonical") {
  CHECK(!base64url_decode("Zg=="));  // padding
  CHECK(!base64url_decode("Z"));     // a lone sextet
  CHECK(!base64url_decode("Zh"));    // stray low bits
  CHECK(!base64url_decode("Zm9v+/"));  // the other alphabet
}
