#include "core/membership/fields.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/validate.h"

namespace nx::membership {

std::string optional_id(json_in::Reader& r, const std::string& field) {
  auto s = r.str(field, 36);
  if (!s || s->empty()) return {};
  if (auto e = validate::uuid(*s, field)) {
    r.add(*e);
    return {};
  }
  return *s;
}

std::string required_id(json_in::Reader& r, const std::string& field) {
  if (!r.has(field)) {
    r.add(required_error(field));
    return {};
  }
  auto s = r.str(field, 36);
  if (s && s->empty()) {
    r.add(required_error(field));
    return {};
  }
  if (!s) return {};
  if (auto e = validate::uuid(*s, field)) {
    r.add(*e);
    return {};
  }
  return *s;
}

bool is_area_code(std::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
  });
}

std::string read_area(json_in::Reader& r, const std::string& field, bool required) {
  if (!r.has(field)) {
    if (required) r.add(required_error(field));
    return {};
  }
  auto s = r.str(field, 32);
  if (!s) return {};
  if (s->empty()) {
    if (required) r.add(required_error(field));
    return {};
  }
  if (!is_area_code(*s)) {
    r.add(catalog_error("area_invalid", field, Msg::ErrNotAValidAreaCodePick));
    return {};
  }
  return *s;
}

bool given(const json_in::Reader& r, const nlohmann::json& fields, const std::string& field) {
  if (!r.has(field)) return false;
  const auto& v = fields[field];
  return !(v.is_string() && v.get_ref<const std::string&>().empty());
}

std::string optional_text(json_in::Reader& r, const std::string& field, std::size_t max_chars) {
  return r.str(field, max_chars).value_or("");
}

std::string iso_moment(std::int64_t unix_ms) { return civil::format_datetime_utc(unix_ms); }

}  // namespace nx::membership
