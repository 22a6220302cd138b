#include "core/services/public_phone.h"

#include "core/validate.h"

namespace nx::services {

std::optional<std::string> normalize_public_phone(std::string_view raw) {
  std::string digits;
  bool international = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c >= '0' && c <= '9') digits += c;
    else if (c == '+' && digits.empty() && !international) international = true;
    else if (c == ' ' || c == '-' || c == '(' || c == ')') continue;
    else return std::nullopt;
  }
  if (international) {
    // Only mainland numbers: "+86" then the number without its trunk 0.
    if (digits.rfind("86", 0) != 0) return std::nullopt;
    digits.erase(0, 2);
    if (!digits.empty() && digits[0] != '1') digits.insert(0, "0");
  }
  if (auto mobile = validate::normalize_phone(digits)) return mobile;
  if (digits.size() == 5 && digits[0] == '1' && digits[1] == '2') return digits;
  if (digits.size() == 10 && (digits.rfind("400", 0) == 0 || digits.rfind("800", 0) == 0))
    return digits.substr(0, 3) + "-" + digits.substr(3, 3) + "-" + digits.substr(6);
  if (digits.size() < 3 || digits[0] != '0') return std::nullopt;
  // Beijing (010) and the 02x cities have 3-digit area codes, every other city 4 (0523 泰州).
  const std::size_t area = (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
  if (digits[1] == '1' && digits[2] != '0') return std::nullopt;
  if (digits.size() < area) return std::nullopt;
  const std::string local = digits.substr(area);
  if (local.size() < 7 || local.size() > 8 || local[0] == '0' || local[0] == '1') return std::nullopt;
  return digits.substr(0, area) + "-" + local;
}

std::optional<Error> public_phone(std::string_view value, const std::string& field) {
  if (normalize_public_phone(value)) return std::nullopt;
  return catalog_error("phone_invalid", field, Msg::ErrEnterAMobileNumberLike13800138000);
}

}  // namespace nx::services
