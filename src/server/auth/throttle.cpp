#include "server/auth/throttle.h"

namespace nx::server::auth {

int retry_after_seconds(const ThrottleRule& rule, const std::vector<std::int64_t>& latest_first, std::int64_t now_ms) {
  const auto n = static_cast<std::size_t>(rule.max_attempts);
  if (n == 0 || latest_first.size() < n) return 0;
  const std::int64_t wait_ms = latest_first[n - 1] + rule.window_ms - now_ms;
  if (wait_ms <= 0) return 0;
  return static_cast<int>((wait_ms + 999) / 1000);
}

}  // namespace nx::server::auth
