#include "core/events/rule_support.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/text.h"
#include "core/validate.h"

namespace nx::events {

using nlohmann::json;

bool is_user_id(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

namespace {
Error bad_user_id(const std::string& field) {
  return catalog_error("id_invalid", field, Msg::ErrNotAValidUserId);
}
Error list_error(const std::string& field) {
  return catalog_error("type_invalid", field, Msg::ErrExpectedAList);
}
}  // namespace

std::optional<std::string> read_user_id(json_in::Reader& r, const std::string& field) {
  auto s = r.str(field, 64);
  if (!s) return std::nullopt;
  if (!is_user_id(*s)) {
    r.add(bad_user_id(field));
    return std::nullopt;
  }
  return s;
}

namespace {
// The array at `field`, or null (missing, or an error already recorded).
const json* array_at(json_in::Reader& r, const json& obj, const std::string& field, std::size_t min, std::size_t max) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return nullptr;
  if (!it->is_array()) {
    r.add(list_error(field));
    return nullptr;
  }
  if (it->size() < min) {
    r.add(min == 1 ? required_error(field)
                   : catalog_error("too_few", field, Msg::ErrNeedsAtLeastEntries, {std::to_string(min)}));
    return nullptr;
  }
  if (it->size() > max) {
    r.add(catalog_error("too_many", field, Msg::ErrAtMostEntries, {std::to_string(max)}));
    return nullptr;
  }
  return &*it;
}

Error duplicate_entry(const std::string& field) {
  return catalog_error("duplicate", field, Msg::ErrTheListHasTheSameEntry);
}
}  // namespace

std::optional<std::vector<std::string>> read_id_list(json_in::Reader& r, const json& obj, const std::string& field,
                                                     std::size_t min, std::size_t max, bool uuids) {
  const json* arr = array_at(r, obj, field, min, max);
  if (!arr) return std::nullopt;
  std::vector<std::string> out;
  for (const json& item : *arr) {
    if (!item.is_string()) {
      r.add(catalog_error("type_invalid", field, Msg::ErrExpectedAListOfIds));
      return std::nullopt;
    }
    const auto& s = item.get_ref<const std::string&>();
    if (uuids ? !validate::is_uuid(s) : !is_user_id(s)) {
      r.add(uuids ? catalog_error("id_invalid", field, Msg::ErrNotAValidIdUUID) : bad_user_id(field));
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), s) != out.end()) {
      r.add(duplicate_entry(field));
      return std::nullopt;
    }
    out.push_back(s);
  }
  return out;
}

std::optional<std::vector<std::string>> read_text_list(json_in::Reader& r, const json& obj, const std::string& field,
                                                       std::size_t min, std::size_t max, std::size_t max_chars) {
  const json* arr = array_at(r, obj, field, min, max);
  if (!arr) return std::nullopt;
  std::vector<std::string> out;
  for (const json& item : *arr) {
    if (!item.is_string()) {
      r.add(catalog_error("type_invalid", field, Msg::ErrExpectedAListOfTexts));
      return std::nullopt;
    }
    const auto& s = item.get_ref<const std::string&>();
    if (auto e = validate::text(s, field, max_chars)) {
      r.add(*e);
      return std::nullopt;
    }
    const std::string trimmed = text::trim(s);
    if (trimmed.empty()) {
      r.add(catalog_error("blank_entry", field, Msg::ErrTheListHasABlankEntry));
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), trimmed) != out.end()) {
      r.add(duplicate_entry(field));
      return std::nullopt;
    }
    out.push_back(trimmed);
  }
  return out;
}

std::string china_local_text(std::string_view iso) {
  auto ms = civil::parse_datetime_ms(iso);
  if (!ms) return std::string(iso);
  const civil::LocalTime t = civil::to_china_local(*ms);
  return civil::format_date(t.date) + " " + civil::format_time_of_day(t.minute);
}

bool unit_within(const sync::RecordSource& records, const std::string& unit, const std::string& ancestor) {
  if (unit.empty() || ancestor.empty()) return false;
  std::string current = unit;
  // Bounded: a cycle in bad data must not hang a rule.
  for (int steps = 0; steps < 64; ++steps) {
    if (current == ancestor) return true;
    const sync::Record* r = records.get("unit", current);
    if (!r || r->deleted) return false;
    current = r->str("parent_id");
    if (current.empty()) return false;
  }
  return false;
}

}  // namespace nx::events
