#pragma once
#include <chrono>
#include <cstdint>

namespace nx::server {

// Unix milliseconds of the server's clock: the "now" of tokens, rate limits and rules.
inline std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace nx::server
