#include "core/sync/hlc.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace nx::sync {

std::string Hlc::to_string() const {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016lld-%05u-", static_cast<long long>(wall_ms), counter);
  return buf + device;
}

std::optional<Hlc> Hlc::parse(std::string_view s) {
  if (s.size() < 23 || s.size() > 23 + 64 || s[16] != '-' || s[22] != '-') return std::nullopt;
  Hlc h;
  auto [p1, e1] = std::from_chars(s.data(), s.data() + 16, h.wall_ms);
  auto [p2, e2] = std::from_chars(s.data() + 17, s.data() + 22, h.counter);
  if (e1 != std::errc() || p1 != s.data() + 16 || e2 != std::errc() || p2 != s.data() + 22 || h.wall_ms < 0)
    return std::nullopt;
  h.device = std::string(s.substr(23));
  if (h.device.empty()) return std::nullopt;
  for (char c : h.device)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return std::nullopt;
  return h;
}

namespace {
// The text form has five digits for the counter. More events than that within one
// millisecond (a generator, a server replaying a backlog) move the clock on by a millisecond
// instead: the order stays right, and the clock runs that little bit ahead.
constexpr std::uint32_t kMaxCounter = 99'999;
void carry(Hlc& h) {
  if (h.counter <= kMaxCounter) return;
  ++h.wall_ms;
  h.counter = 0;
}
}  // namespace

Hlc HlcClock::tick(std::int64_t now_ms) {
  if (now_ms > last_.wall_ms) {
    last_.wall_ms = now_ms;
    last_.counter = 0;
  } else {
    ++last_.counter;
  }
  carry(last_);
  last_.device = device_;
  return last_;
}

void HlcClock::observe(const Hlc& remote, std::int64_t now_ms) {
  const std::int64_t wall = std::max({last_.wall_ms, remote.wall_ms, now_ms});
  if (wall == last_.wall_ms && wall == remote.wall_ms) last_.counter = std::max(last_.counter, remote.counter) + 1;
  else if (wall == last_.wall_ms) ++last_.counter;
  else if (wall == remote.wall_ms) last_.counter = remote.counter + 1;
  else last_.counter = 0;
  last_.wall_ms = wall;
  carry(last_);
  last_.device = device_;
}

}  // namespace nx::sync
