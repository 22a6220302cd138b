#include "core/validate.h"

#include <cctype>
#include <algorithm>
#include <cmath>

#include "core/civil_time.h"
#include "core/text.h"

namespace nx::validate {

std::optional<std::string> normalize_phone(std::string_view raw) {
  std::string digits;
  for (char c : raw) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c == ' ' || c == '-' || c == '+' || c == '(' || c == ')') continue;
    else return std::nullopt;
  }
  if (digits.size() == 13 && digits.rfind("86", 0) == 0) digits.erase(0, 2);
  if (digits.size() != 11 || digits[0] != '1' || digits[1] < '3' || digits[1] > '9') return std::nullopt;
  return digits;
}

std::optional<Error> phone(std::string_view value, const std::string& field) {
  if (value.empty()) return make_error("required", field, "请填写手机号", "Please enter a mobile number");
  if (!normalize_phone(value))
    return make_error("phone_invalid", field, "手机号应为 11 位数字，以 1 开头", "A mobile number has 11 digits and starts with 1");
  return std::nullopt;
}

std::string mask_phone(std::string_view n) {
  if (n.size() != 11) return std::string(n.size(), '*');
  return std::string(n.substr(0, 3)) + "****" + std::string(n.substr(7));
}

std::optional<Error> person_name(std::string_view value, const std::string& field) {
  const auto length = text::utf8_length(value);
  if (!length) return make_error("encoding_invalid", field, "包含无法识别的字符", "Contains invalid characters");
  const std::string trimmed = text::trim(value);
  const std::u32string cps = text::decode_utf8(trimmed);
  if (cps.empty()) return make_error("required", field, "请填写姓名", "Please enter a name");
  if (cps.size() > 30) return make_error("too_long", field, "姓名不能超过 30 个字", "A name has at most 30 characters");
  for (char32_t c : cps) {
    const bool latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F);
    const bool joiner = c == ' ' || c == 0xB7 || c == 0x30FB || c == 0x2022 || c == '\'' || c == '-' || c == '.';
    if (!(latin || joiner || text::is_cjk_ideograph(c)))
      return make_error("name_invalid", field, "姓名只能包含汉字、字母和间隔号（·）", "A name may contain only letters, hanzi and the middle dot (·)");
  }
  return std::nullopt;
}

std::optional<Error> text(std::string_view value, const std::string& field, std::size_t max_chars, std::size_t min_chars) {
  const auto length = text::utf8_length(value);
  if (!length) return make_error("encoding_invalid", field, "包含无法识别的字符", "Contains invalid characters");
  if (*length < min_chars) {
    if (min_chars == 1) return required_error(field);
    return make_error("too_short", field, "至少需要 " + std::to_string(min_chars) + " 个字",
                      "Needs at least " + std::to_string(min_chars) + " characters");
  }
  if (*length > max_chars)
    return make_error("too_long", field, "不能超过 " + std::to_string(max_chars) + " 个字",
                      "At most " + std::to_string(max_chars) + " characters");
  return std::nullopt;
}

std::optional<Error> pin(std::string_view value, const std::string& field) {
  if (value.size() != 6 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return make_error("pin_invalid", field, "PIN 码应为 6 位数字", "The PIN has 6 digits");
  bool same = true, up = true, down = true;
  for (std::size_t i = 1; i < value.size(); ++i) {
    same &= value[i] == value[0];
    up &= value[i] == value[i - 1] + 1;
    down &= value[i] == value[i - 1] - 1;
  }
  if (same || up || down)
    return make_error("pin_weak", field, "PIN 码太容易被猜到，请换一个", "That PIN is too easy to guess; choose another");
  return std::nullopt;
}

std::optional<Error> date(std::string_view value, const std::string& field) {
  if (!civil::parse_date(value))
    return make_error("date_invalid", field, "日期格式应为 年-月-日，如 2026-07-01", "Dates look like 2026-07-01");
  return std::nullopt;
}

std::optional<Error> time_of_day(std::string_view value, const std::string& field) {
  if (!civil::parse_time_of_day(value))
    return make_error("time_invalid", field, "时间格式应为 时:分，如 08:30", "Times look like 08:30");
  return std::nullopt;
}

std::optional<Error> datetime(std::string_view value, const std::string& field) {
  if (!civil::parse_datetime_ms(value))
    return make_error("datetime_invalid", field, "时间格式不正确", "Not a valid date and time (ISO 8601 with a time zone)");
  return std::nullopt;
}

std::optional<Error> latitude(double v, const std::string& field) {
  if (!std::isfinite(v) || v < -90 || v > 90) return make_error("latitude_invalid", field, "纬度应在 -90 到 90 之间", "Latitude is between -90 and 90");
  return std::nullopt;
}

std::optional<Error> longitude(double v, const std::string& field) {
  if (!std::isfinite(v) || v < -180 || v > 180) return make_error("longitude_invalid", field, "经度应在 -180 到 180 之间", "Longitude is between -180 and 180");
  return std::nullopt;
}

bool is_uuid(std::string_view v) {
  if (v.size() != 36) return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (v[i] != '-') return false;
    } else if (!std::isdigit(static_cast<unsigned char>(v[i])) && !(v[i] >= 'a' && v[i] <= 'f')) {
      return false;  // lowercase only: one id has one spelling, so it is one key everywhere
    }
  }
  return true;
}

std::optional<Error> uuid(std::string_view v, const std::string& field) {
  if (!is_uuid(v)) return make_error("id_invalid", field, "编号格式不正确", "Not a valid id (UUID)");
  return std::nullopt;
}

}  // namespace nx::validate
