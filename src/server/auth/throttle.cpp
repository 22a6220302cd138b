#include "server/auth/throttle.h"

#include <algorithm>
#include <cctype>

namespace nx::server::auth {

std::string address_key(const std::string& address) {
  if (address.find(':') == std::string::npos) return address;
  // Expand "::" so the first four groups are the network, whatever the spelling.
  std::vector<std::string> head, tail;
  std::vector<std::string>* into = &head;
  std::string group;
  for (std::size_t i = 0; i <= address.size(); ++i) {
    const char ch = i < address.size() ? address[i] : ':';
    if (ch == '%') break;  // a zone index is not part of the address
    if (ch != ':') {
      group += ch;
      continue;
    }
    if (!group.empty()) into->push_back(group);
    group.clear();
    if (i + 1 < address.size() && address[i + 1] == ':') into = &tail;
  }
  if (!group.empty()) into->push_back(group);
  while (head.size() + tail.size() < 8) head.push_back("0");
  head.insert(head.end(), tail.begin(), tail.end());
  std::string key;
  for (std::size_t i = 0; i < 4 && i < head.size(); ++i) {
    std::string g = head[i];
    g.erase(0, std::min(g.find_first_not_of('0'), g.size() - 1));
    for (char& c : g) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    key += (i ? ":" : "") + g;
  }
  return key + "::/64";
}

int retry_after_seconds(const ThrottleRule& rule, const std::vector<std::int64_t>& latest_first, std::int64_t now_ms) {
  const auto n = static_cast<std::size_t>(rule.max_attempts);
  if (n == 0 || latest_first.size() < n) return 0;
  const std::int64_t wait_ms = latest_first[n - 1] + rule.window_ms - now_ms;
  if (wait_ms <= 0) return 0;
  return static_cast<int>((wait_ms + 999) / 1000);
}

}  // namespace nx::server::auth
