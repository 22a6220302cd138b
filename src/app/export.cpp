#include "app/export.h"

#include <cstdint>

#include "core/kinds/registry.h"
#include "core/version.h"

namespace nx::app {

using nlohmann::json;

json export_json(const LocalStore& store, const std::string& user_name, const std::string& now_iso) {
  json records = json::array();
  const std::string& me = store.actor().user_id;
  for (const std::string& kind : kinds::registry().kinds())
    for (const sync::Record* r : store.records().find(kind, sync::kOwnerField, me)) records.push_back(r->to_json());
  json unsynced = json::array();
  for (const sync::Op& op : store.next_batch(SIZE_MAX)) unsynced.push_back(op.to_json());
  for (const OutboxEntry* e : store.rejected()) unsynced.push_back(e->op.to_json());
  return {{"app", "nuanxin"}, {"version", app_version()}, {"exported_at", now_iso}, {"user", user_name},
          {"user_id", me}, {"records", std::move(records)}, {"unsynced_changes", std::move(unsynced)}};
}

std::string csv_cell(const std::string& value) {
  std::string v = value;
  // =, +, -, @ (and a leading tab or return) start a formula in spreadsheet programs: a name
  // typed as "=HYPERLINK(...)" must stay text.
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string quoted = "\"";
  for (char c : v) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string members_csv(const sync::RecordSource& records, Locale locale) {
  std::string out = "\xEF\xBB\xBF" + std::string(message_text(Msg::ExportMembersHeader, locale)) + "\r\n";
  for (const sync::Record* m : records.all("member")) {
    const sync::Record* unit = records.get("unit", m->str("unit_id"));
    const std::string cells[] = {m->str("name"),     m->str("phone"),     m->str("trade"),  m->str("employer"),
                                 unit ? unit->str("name") : m->str("unit_id"), m->str("member_no"), m->str("status"),
                                 m->str("joined_on")};
    bool first = true;
    for (const std::string& c : cells) {
      out += (first ? "" : ",") + csv_cell(c);
      first = false;
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace nx::app
