#pragma once
// Small pieces the event, handout and field-work kinds share: a typed decode result that
// keeps every field error, readers for id and text lists (json_in::Reader has none), the
// whitelist of what an op may carry into a create or a step, and reading the unit tree out
// of "unit" records when a rule has only a RecordSource (StepContext carries no UnitTree).
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_in.h"
#include "core/sync/record_source.h"

namespace nx::events {

// A typed view of a record's fields and every problem found on the way; `value` is only
// meaningful when `errors` is empty. The kinds' validate() is decode(...).errors.
template <typename T>
struct Decoded {
  T value;
  Errors errors;
  bool ok() const { return errors.empty(); }
};

// User ids come from the server's accounts, not from devices, so they are checked for shape
// only: 1-64 ASCII letters, digits, '-' or '_'.
bool is_user_id(std::string_view s);
std::optional<std::string> read_user_id(json_in::Reader& r, const std::string& field);

// A JSON array of distinct strings, between `min` and `max` entries. `uuids`: each a UUID;
// otherwise each is user-id shaped. Errors name the field.
std::optional<std::vector<std::string>> read_id_list(json_in::Reader& r, const nlohmann::json& obj, const std::string& field,
                                                     std::size_t min, std::size_t max, bool uuids);
// A JSON array of distinct, non-blank texts of at most `max_chars` characters each.
std::optional<std::vector<std::string>> read_text_list(json_in::Reader& r, const nlohmann::json& obj, const std::string& field,
                                                       std::size_t min, std::size_t max, std::size_t max_chars);

// An op carries into a create or a step only the fields that step takes; anything else
// (another session_id slipped into a "cancel") is refused, naming the first stray field.
Status only_fields(const nlohmann::json& set, std::initializer_list<std::string_view> allowed);

// Fields a kind does not know are refused, so records do not collect stray data from a
// buggy or hostile client (every field a kind stores is listed in its decoder).
void refuse_unknown_fields(json_in::Reader& r, const nlohmann::json& obj, std::initializer_list<std::string_view> known);

// A rule that must read other records cannot run without them (StepContext::records null).
Error records_unavailable();
// The record a field points at is missing or deleted.
Error not_found(const std::string& field, const std::string& what_zh, const std::string& what_en);

std::string field_str(const nlohmann::json& fields, const char* name);
std::int64_t field_int(const nlohmann::json& fields, const char* name, std::int64_t fallback = 0);

// An ISO moment as people in China read it: "2026-07-01 10:30" (China local time). Text that
// is not a moment comes back as it is.
std::string china_local_text(std::string_view iso);
// Whether `unit` is `ancestor` or lies below it, following the parent_id of "unit" records.
bool unit_within(const sync::RecordSource& records, const std::string& unit, const std::string& ancestor);

// How far ahead of the server's clock a device's stated moment may be (clocks drift).
inline constexpr std::int64_t kClockSkewMs = 10 * 60 * 1000;

}  // namespace nx::events
