#include "core/kinds/kind_support.h"

#include <algorithm>

namespace nx::kinds {

using nlohmann::json;

namespace {
template <typename Names>
void refuse_unknown(json_in::Reader& r, const json& fields, const Names& known) {
  if (!fields.is_object()) return;
  for (const auto& [name, _] : fields.items()) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    const std::string shown = name.substr(0, 40);
    r.add(catalog_error("field_unknown", shown, Msg::ErrThisRecordHasNoField, {shown}));
  }
}
}  // namespace

void refuse_unknown_fields(json_in::Reader& r, const json& fields, std::span<const std::string_view> known) {
  refuse_unknown(r, fields, known);
}

void refuse_unknown_fields(json_in::Reader& r, const json& fields, std::initializer_list<std::string_view> known) {
  refuse_unknown(r, fields, known);
}

Status only_params(const json& params, std::initializer_list<std::string_view> allowed) {
  if (!params.is_object()) return ok_status();
  for (const auto& [name, _] : params.items())
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      return catalog_error("param_unknown", name, Msg::ErrThisStepDoesNotTake, {name});
  return ok_status();
}

Error records_unavailable() {
  return catalog_error("records_unavailable", "", Msg::ErrTheRelatedRecordsAreNotAvailable);
}

Error not_found(const std::string& field, Msg what) {
  return catalog_error("not_found", field, Msg::ErrNoSuchThing, {what});
}

std::string field_str(const json& fields, std::string_view field) {
  if (!fields.is_object()) return {};
  auto it = fields.find(std::string(field));
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t field_int(const json& fields, std::string_view field, std::int64_t fallback) {
  if (!fields.is_object()) return fallback;
  auto it = fields.find(std::string(field));
  return it != fields.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

}  // namespace nx::kinds
