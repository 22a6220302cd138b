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
    r.add(make_error("field_unknown", shown, "这里不能填写这一项：" + shown, "This record has no field " + shown));
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
      return make_error("param_unknown", name, "这一步不能修改这一项：" + name, "This step does not take " + name);
  return ok_status();
}

Error records_unavailable() {
  return make_error("records_unavailable", "", "暂时无法核对相关记录，请联网后再试",
                    "The related records are not available here; try again when online");
}

Error not_found(const std::string& field, const std::string& what_zh, const std::string& what_en) {
  return make_error("not_found", field, "找不到" + what_zh + "，可能已被删除", "No such " + what_en + "; it may have been deleted");
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
