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
#include "core/kinds/kind_support.h"
#include "core/sync/record_source.h"

namespace nx::events {

// A typed view of a record's fields and every problem found on the way; `value` is only
// meaningful when `errors` is empty. The kinds' validate() is decode(...).errors.
using kinds::Decoded;
using kinds::field_int;
using kinds::field_str;
using kinds::not_found;
using kinds::only_params;
using kinds::records_unavailable;
using kinds::refuse_unknown_fields;

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





// An ISO moment as people in China read it: "2026-07-01 10:30" (China local time). Text that
// is not a moment comes back as it is.
std::string china_local_text(std::string_view iso);
// Whether `unit` is `ancestor` or lies below it, following the parent_id of "unit" records.
bool unit_within(const sync::RecordSource& records, const std::string& unit, const std::string& ancestor);

// How far ahead of the server's clock a device's stated moment may be (clocks drift).
inline constexpr std::int64_t kClockSkewMs = 10 * 60 * 1000;

}  // namespace nx::events
