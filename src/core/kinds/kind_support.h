#pragma once
// What every kind's decoder and rules share: a typed decode that keeps EVERY field error (so a
// form can mark all bad fields at once), refusing fields a kind or a step does not take, and
// the errors of rules that must read other records.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_in.h"

namespace nx::kinds {

// A typed view of a record's fields and every problem found on the way; `value` is only
// meaningful when `errors` is empty. A kind's validate() is its decoder's errors.
template <typename T>
struct Decoded {
  T value{};
  Errors errors;
  bool ok() const { return errors.empty(); }
};

// Records carry only the fields their kind knows ("field_unknown"): a typo or a field of a
// newer app would otherwise be stored and synced where no screen ever shows it.
void refuse_unknown_fields(json_in::Reader& r, const nlohmann::json& fields, std::span<const std::string_view> known);
void refuse_unknown_fields(json_in::Reader& r, const nlohmann::json& fields, std::initializer_list<std::string_view> known);

// apply_op merges a step's parameters into the record, so a step takes only what it names
// ("param_unknown"): "deliver" cannot slip in a new description or another provider.
Status only_params(const nlohmann::json& params, std::initializer_list<std::string_view> allowed);

// A rule that must read other records cannot run without them (StepContext::records null).
Error records_unavailable();
// The record `field` points at is missing or deleted.
Error not_found(const std::string& field, Msg what);

// A string / integer field, or "" / `fallback` when absent or of another type.
std::string field_str(const nlohmann::json& fields, std::string_view field);
std::int64_t field_int(const nlohmann::json& fields, std::string_view field, std::int64_t fallback = 0);

}  // namespace nx::kinds
