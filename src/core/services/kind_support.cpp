#include "core/services/kind_support.h"

#include <algorithm>

namespace nx::services {

using nlohmann::json;

std::optional<std::string> read_id(json_in::Reader& r, const std::string& field, bool required) {
  if (required && !r.has(field)) {
    r.require(field);
    return std::nullopt;
  }
  return r.uuid(field);
}

civil::Date china_today(std::int64_t now_ms) { return civil::to_china_local(now_ms).date; }

const sync::Record* live_record(const sync::RecordSource& records, const std::string& kind, const std::string& id) {
  const sync::Record* r = records.get(kind, id);
  return r && !r->deleted ? r : nullptr;
}

Error mismatch(const std::string& field, Msg what) {
  return catalog_error("mismatch", field, Msg::ErrDoesNotMatchRecord, {what});
}

}  // namespace nx::services
