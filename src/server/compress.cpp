#include "server/compress.h"

#include <brotli/encode.h>
#include <zlib.h>

#include "server/static_files.h"

namespace nx::server {

namespace {

constexpr std::size_t kWorthCompressing = 1024;

std::optional<std::string> brotli(std::string_view body) {
  std::string out(BrotliEncoderMaxCompressedSize(body.size()), '\0');
  std::size_t size = out.size();
  if (!BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, body.size(),
                             reinterpret_cast<const std::uint8_t*>(body.data()), &size, reinterpret_cast<std::uint8_t*>(out.data())))
    return std::nullopt;
  out.resize(size);
  return out;
}

std::optional<std::string> gzip(std::string_view body) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;  // +16: gzip framing
  std::string out(deflateBound(&z, body.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&z, Z_FINISH);
  const std::size_t size = z.total_out;
  deflateEnd(&z);
  if (done != Z_STREAM_END) return std::nullopt;
  out.resize(size);
  return out;
}

}  // namespace

std::optional<Compressed> compress_for(std::string_view accept_encoding, std::string_view body) {
  if (body.size() < kWorthCompressing) return std::nullopt;
  const AcceptedEncodings accepted = parse_accept_encoding(accept_encoding);
  if (accepted.br)
    if (auto bytes = brotli(body)) return Compressed{"br", std::move(*bytes)};
  if (accepted.gzip)
    if (auto bytes = gzip(body)) return Compressed{"gzip", std::move(*bytes)};
  return std::nullopt;
}

}  // namespace nx::server
