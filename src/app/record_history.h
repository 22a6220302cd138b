#pragma once
// 修改记录: a record's history from the server's audit trail (GET /records/{kind}/{id}/history),
// read into lines a person can follow: when, who, and what they did. The server answers only
// the record's responsible staff; the trail is on the server, so it needs signal.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/locale.h"
#include "core/messages/catalog.h"

namespace nx::app {

struct HistoryLine {
  std::int64_t at_ms = 0;
  std::string who;   // the person's name, else their user id
  Message what;      // 新建, 批准, 修改：{fields}, 删除 (kept as a code: the language may change)
  std::vector<std::string> fields;  // the fields a plain change set
  bool refused = false;  // the server turned the change down
  // "新建", "批准", "修改：employer、phone", "删除"
  std::string text(Locale locale) const;
  bool operator==(const HistoryLine&) const = default;
};

// Oldest first, as the server lists them; entries that cannot be read are skipped.
std::vector<HistoryLine> read_history(const nlohmann::json& answer);

}  // namespace nx::app
