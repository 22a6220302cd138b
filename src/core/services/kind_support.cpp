#include "core/services/kind_support.h"

#include <algorithm>

namespace nx::services {

using nlohmann::json;

void refuse_unknown_fields(json_in::Reader& r, const json& fields, std::span<const std::string_view> known) {
  if (!fields.is_object()) return;
  for (const auto& [name, _] : fields.items()) {
    if (std::find(known.begin(), known.end(), name) == known.end())
      r.add(make_error("field_unknown", name, "这里不能填写这一项：" + name, "This record has no field " + name));
  }
}

Status only_params(const json& params, std::initializer_list<std::string_view> allowed) {
  if (!params.is_object()) return ok_status();
  for (const auto& [name, _] : params.items()) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      return make_error("param_unknown", name, "这一步不能修改这一项：" + name, "This step does not take " + name);
  }
  return ok_status();
}

std::optional<std::string> read_id(json_in::Reader& r, const std::string& field, bool required) {
  if (required && !r.has(field)) {
    r.require(field);
    return std::nullopt;
  }
  return r.uuid(field);
}

civil::Date china_today(std::int64_t now_ms) { return civil::to_china_local(now_ms).date; }

std::string str_field(const json& fields, const char* name) {
  if (!fields.is_object()) return {};
  auto it = fields.find(name);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const sync::Record* live_record(const sync::RecordSource& records, const std::string& kind, const std::string& id) {
  const sync::Record* r = records.get(kind, id);
  return r && !r->deleted ? r : nullptr;
}

Error records_needed() {
  return make_error("records_unavailable", "", "数据还没有同步完成，暂时无法办理，请联网后再试",
                    "This needs other records that are not loaded yet; try again when online");
}

Error not_found(const std::string& field, const std::string& what_zh, const std::string& what_en) {
  return make_error("not_found", field, "找不到" + what_zh + "，可能已被删除", "No such " + what_en + "; it may have been deleted");
}

Error mismatch(const std::string& field, const std::string& what_zh, const std::string& what_en) {
  return make_error("mismatch", field, "与" + what_zh + "的信息不一致，请刷新后再试",
                    "Does not match the " + what_en + "; refresh and try again");
}

}  // namespace nx::services
