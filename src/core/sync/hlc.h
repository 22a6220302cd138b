#pragma once
// Hybrid logical clock (Kulkarni et al.): a stamp that follows physical time where it can and
// stays causal where phone clocks lie. Every field write carries one; the larger stamp wins.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nx::sync {

struct Hlc {
  std::int64_t wall_ms = 0;   // the largest physical time seen, Unix ms
  std::uint32_t counter = 0;  // orders events within one wall_ms; at most kMaxCounter
  std::string device;         // breaks exact ties, so every stamp is unique per device

  // Written out: Emscripten 3.1.6's libc++ has no operator<=> for std::string.
  friend bool operator==(const Hlc& a, const Hlc& b) {
    return a.wall_ms == b.wall_ms && a.counter == b.counter && a.device == b.device;
  }
  friend bool operator<(const Hlc& a, const Hlc& b) {
    if (a.wall_ms != b.wall_ms) return a.wall_ms < b.wall_ms;
    if (a.counter != b.counter) return a.counter < b.counter;
    return a.device < b.device;
  }
  friend bool operator!=(const Hlc& a, const Hlc& b) { return !(a == b); }
  friend bool operator>(const Hlc& a, const Hlc& b) { return b < a; }
  friend bool operator<=(const Hlc& a, const Hlc& b) { return !(b < a); }
  friend bool operator>=(const Hlc& a, const Hlc& b) { return !(a < b); }
  bool is_zero() const { return wall_ms == 0 && counter == 0 && device.empty(); }

  // "0001764400000000-00003-device": fixed-width numbers, so strings sort like stamps.
  std::string to_string() const;
  static std::optional<Hlc> parse(std::string_view s);
};

class HlcClock {
 public:
  explicit HlcClock(std::string device, Hlc last = {}) : device_(std::move(device)), last_(std::move(last)) {}

  // A new stamp for a local event at physical time `now_ms`; always greater than any before.
  Hlc tick(std::int64_t now_ms);
  // Takes in a stamp from elsewhere so the next tick is after it, whatever the local clock says.
  void observe(const Hlc& remote, std::int64_t now_ms);

  const Hlc& last() const { return last_; }
  const std::string& device() const { return device_; }

 private:
  std::string device_;
  Hlc last_;
};

}  // namespace nx::sync
