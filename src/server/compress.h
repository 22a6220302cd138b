#pragma once
// Compressing the API's JSON for the phone: a page of records is a few hundred KB of JSON and
// shrinks about tenfold, which on a weak mobile signal is most of the wait. cpp-httplib would
// compress on its own, but with brotli's slowest setting (quality 11: ~130 ms a page, so a sync
// became CPU-bound on the server); this uses brotli quality 5 or gzip level 6, a few ms a page.
#include <optional>
#include <string>
#include <string_view>

namespace nx::server {

struct Compressed {
  std::string coding;  // "br" or "gzip"
  std::string bytes;
};

// `body` compressed in the best coding `accept_encoding` allows; nullopt when it allows neither
// or the body is too small to gain from it.
std::optional<Compressed> compress_for(std::string_view accept_encoding, std::string_view body);

}  // namespace nx::server
