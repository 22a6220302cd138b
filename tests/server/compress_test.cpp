#include "server/compress.h"

#include <doctest/doctest.h>

#include <brotli/decode.h>
#include <zlib.h>

#include <string>

using nx::server::compress_for;

namespace {

std::string page_of_json() {
  std::string s = "{\"records\":[";
  for (int i = 0; i < 400; ++i) s += (i ? "," : "") + std::string("{\"kind\":\"station\",\"fields\":{\"name\":\"城南街道南苑社区爱心驿站\",\"n\":") + std::to_string(i) + "}}";
  return s + "]}";
}

std::string unbrotli(const std::string& bytes, std::size_t size) {
  std::string out(size, '\0');
  std::size_t got = size;
  REQUIRE(BrotliDecoderDecompress(bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()), &got,
                                  reinterpret_cast<std::uint8_t*>(out.data())) == BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(got);
  return out;
}

std::string ungzip(const std::string& bytes, std::size_t size) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
  std::string out(size + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  CHECK(inflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

}  // namespace

TEST_CASE("API answers are compressed in the best coding the client takes, and decode to the same bytes") {
  const std::string body = page_of_json();
  auto br = compress_for("gzip, deflate, br, zstd", body);
  REQUIRE(br);
  CHECK(br->coding == "br");
  CHECK(br->bytes.size() * 5 < body.size());
  CHECK(unbrotli(br->bytes, body.size()) == body);

  auto gz = compress_for("gzip, deflate", body);
  REQUIRE(gz);
  CHECK(gz->coding == "gzip");
  CHECK(ungzip(gz->bytes, body.size()) == body);

  CHECK_FALSE(compress_for("", body));
  CHECK_FALSE(compress_for("identity", body));
  CHECK_FALSE(compress_for("br;q=0, gzip;q=0", body));
  CHECK_FALSE(compress_for("br, gzip", "{\"ok\":true}"));  // too small to gain
}
