#include "core/membership/member_number.h"

#include <cstdint>

namespace nx::membership {

namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

std::uint64_t fnv1a64(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool taken(const std::string& number, const sync::RecordSource& records) {
  return !records.find("member", "member_no", number).empty() ||
         !records.find("membership_application", "member_no", number).empty();
}

}  // namespace

std::string member_number(std::string_view application_id, const civil::Date& approved_on, unsigned attempt) {
  // The id as typed on different devices may differ in case; the hash must not.
  std::string key;
  for (char c : application_id) key += lower(c);
  if (attempt > 0) key += "#" + std::to_string(attempt);
  std::uint64_t bits = fnv1a64(key) >> 14;  // the top 50 bits
  std::string code(10, '0');
  for (int i = 9; i >= 0; --i) {
    code[static_cast<std::size_t>(i)] = kCrockford[bits & 31];
    bits >>= 5;
  }
  std::string date = civil::format_date(approved_on);
  date.erase(7, 1);
  date.erase(4, 1);
  return "NX-" + date + "-" + code.substr(0, 5) + "-" + code.substr(5);
}

bool is_member_number(std::string_view s) {
  if (s.size() != 23 || s.substr(0, 3) != "NX-" || s[11] != '-' || s[17] != '-') return false;
  const std::string date = std::string(s.substr(3, 4)) + "-" + std::string(s.substr(7, 2)) + "-" + std::string(s.substr(9, 2));
  if (!civil::parse_date(date)) return false;
  for (std::size_t i : {12u, 13u, 14u, 15u, 16u, 18u, 19u, 20u, 21u, 22u})
    if (kCrockford.find(s[i]) == std::string_view::npos) return false;
  return true;
}

std::string issue_member_number(std::string_view application_id, const civil::Date& approved_on,
                                const sync::RecordSource* records) {
  std::string number = member_number(application_id, approved_on);
  if (!records) return number;
  // The application itself may already hold its number (an approval replayed): that is no clash.
  for (unsigned attempt = 1; attempt < 64 && taken(number, *records); ++attempt) {
    const sync::Record* self = records->get("membership_application", std::string(application_id));
    if (self && self->str("member_no") == number) break;
    number = member_number(application_id, approved_on, attempt);
  }
  return number;
}

}  // namespace nx::membership
