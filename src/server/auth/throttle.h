#pragma once
// How many failed logins are allowed before a pause: per account (someone guessing one
// worker's PIN, which has only a million values) and per address (someone trying many
// accounts). Pure, so the policy is tested without a clock.
#include <cstdint>
#include <string>
#include <vector>

namespace nx::server::auth {

struct ThrottleRule {
  int max_attempts;
  std::int64_t window_ms;  // attempts older than this are forgotten
};

inline constexpr std::int64_t kMinuteMs = 60'000;
// Five wrong PINs lock the account for 15 minutes; that caps guessing at 480 PINs a day.
inline constexpr ThrottleRule kAccountRule{5, 15 * kMinuteMs};
// One address gets far more room: mobile carriers put many phones behind one address
// (carrier-grade NAT), and a station's Wi-Fi serves every rider resting there.
inline constexpr ThrottleRule kAddressRule{50, 15 * kMinuteMs};
// New worker accounts per address and hour (an enrolment drive on one Wi-Fi fits).
inline constexpr ThrottleRule kRegisterRule{30, 60 * kMinuteMs};

// The key an address is counted under: IPv4 as it is, IPv6 by its /64 network (one phone
// holds a whole /64, so counting single IPv6 addresses would count nothing).
std::string address_key(const std::string& address);

// Seconds until another attempt is allowed, given the times of the latest attempts in the
// window (newest first, at most rule.max_attempts of them); 0 if one is allowed now. It is
// when the oldest of those leaves the window, so Retry-After is exact, not a guess.
int retry_after_seconds(const ThrottleRule& rule, const std::vector<std::int64_t>& latest_first, std::int64_t now_ms);

}  // namespace nx::server::auth
