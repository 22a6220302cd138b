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
  if (value.empty()) return catalog_error("required", field, Msg::ErrPleaseEnterAMobileNumber);
  if (!normalize_phone(value))
    return catalog_error("phone_invalid", field, Msg::ErrAMobileNumberHas11Digits);
  return std::nullopt;
}

std::string mask_phone(std::string_view n) {
  if (n.size() != 11) return std::string(n.size(), '*');
  return std::string(n.substr(0, 3)) + "****" + std::string(n.substr(7));
}

std::optional<Error> person_name(std::string_view value, const std::string& field) {
  const auto length = text::utf8_length(value);
  if (!length) return catalog_error("encoding_invalid", field, Msg::ErrContainsInvalidCharacters);
  const std::string trimmed = text::trim(value);
  const std::u32string cps = text::decode_utf8(trimmed);
  if (cps.empty()) return catalog_error("required", field, Msg::ErrPleaseEnterAName);
  if (cps.size() > 30) return catalog_error("too_long", field, Msg::ErrANameHasAtMost30);
  for (char32_t c : cps) {
    const bool latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F);
    const bool joiner = c == ' ' || c == 0xB7 || c == 0x30FB || c == 0x2022 || c == '\'' || c == '-' || c == '.';
    if (!(latin || joiner || text::is_cjk_ideograph(c)))
      return catalog_error("name_invalid", field, Msg::ErrANameMayContainOnlyLetters);
  }
  return std::nullopt;
}

std::optional<Error> text(std::string_view value, const std::string& field, std::size_t max_chars, std::size_t min_chars) {
  const auto length = text::utf8_length(value);
  if (!length) return catalog_error("encoding_invalid", field, Msg::ErrContainsInvalidCharacters);
  if (*length < min_chars) {
    if (min_chars == 1) return required_error(field);
    return catalog_error("too_short", field, Msg::ErrNeedsAtLeastCharacters, {std::to_string(min_chars)});
  }
  if (*length > max_chars)
    return catalog_error("too_long", field, Msg::ErrAtMostCharacters, {std::to_string(max_chars)});
  return std::nullopt;
}

std::optional<Error> pin(std::string_view value, const std::string& field) {
  if (value.size() != 6 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return catalog_error("pin_invalid", field, Msg::ErrThePINHas6Digits);
  bool same = true, up = true, down = true;
  for (std::size_t i = 1; i < value.size(); ++i) {
    same &= value[i] == value[0];
    up &= value[i] == value[i - 1] + 1;
    down &= value[i] == value[i - 1] - 1;
  }
  if (same || up || down)
    return catalog_error("pin_weak", field, Msg::ErrThatPINIsTooEasyTo);
  return std::nullopt;
}

std::optional<Error> date(std::string_view value, const std::string& field) {
  if (!civil::parse_date(value))
    return catalog_error("date_invalid", field, Msg::ErrDatesLookLike20260701);
  return std::nullopt;
}

std::optional<Error> time_of_day(std::string_view value, const std::string& field) {
  if (!civil::parse_time_of_day(value))
    return catalog_error("time_invalid", field, Msg::ErrTimesLookLike0830);
  return std::nullopt;
}

std::optional<Error> datetime(std::string_view value, const std::string& field) {
  if (!civil::parse_datetime_ms(value))
    return catalog_error("datetime_invalid", field, Msg::ErrNotAValidDateAndTime);
  return std::nullopt;
}

std::optional<Error> latitude(double v, const std::string& field) {
  if (!std::isfinite(v) || v < -90 || v > 90) return catalog_error("latitude_invalid", field, Msg::ErrLatitudeIsBetween90And90);
  return std::nullopt;
}

std::optional<Error> longitude(double v, const std::string& field) {
  if (!std::isfinite(v) || v < -180 || v > 180) return catalog_error("longitude_invalid", field, Msg::ErrLongitudeIsBetween180And180);
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
  if (!is_uuid(v)) return catalog_error("id_invalid", field, Msg::ErrNotAValidIdUUID);
  return std::nullopt;
}

}  // namespace nx::validate
