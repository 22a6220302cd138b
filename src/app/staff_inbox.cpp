#include "app/staff_inbox.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/membership/application.h"
#include "core/services/service_request.h"

namespace nx::app {

bool request_waits_for_union(const std::string& status) {
  return status == "ordered" || status == "reopened" || status == "matched";
}

Inbox staff_inbox(const sync::RecordSource& records, const UnitTree& units, const std::string& staff_unit,
                  const InboxView& filter, std::int64_t now_ms) {
  Inbox inbox;
  const auto ours = [&](const sync::Record& r) {
    return staff_unit.empty() || units.is_within(r.str_ref("unit_id"), staff_unit);
  };
  std::vector<InboxItem> all;
  for (const sync::Record* r : records.all(membership::kApplicationKind)) {
    if (r->deleted || !membership::application_waiting(r->str_ref("status")) || !ours(*r)) continue;
    ++inbox.applications;
    const std::string& at = r->str_ref("submitted_at").empty() ? r->str_ref("created_at") : r->str_ref("submitted_at");
    all.push_back({r, civil::parse_datetime_ms(at).value_or(0), false});
  }
  for (const sync::Record* r : records.all("service_request")) {
    if (r->deleted || !request_waits_for_union(r->str_ref("status")) || !ours(*r)) continue;
    ++inbox.requests;
    const bool overdue = services::is_overdue(r->fields, now_ms);
    if (overdue) ++inbox.overdue;
    // A request keeps no creation time of its own; its category was written when it was made.
    const auto made = r->stamps.find("category");
    all.push_back({r, made == r->stamps.end() ? 0 : made->second.wall_ms, overdue});
  }
  const auto matches = [&](const sync::Record& r) {
    if (filter.query.empty()) return true;
    for (const char* field : {"name", "phone", "description", "employer"})
      if (r.str_ref(field).find(filter.query) != std::string::npos) return true;
    return false;
  };
  for (InboxItem& item : all) {
    if (!filter.kind.empty() && item.record->kind != filter.kind) continue;
    if (!matches(*item.record)) continue;
    if (filter.overdue_only && !item.overdue) continue;
    inbox.items.push_back(item);
  }
  // Ties by id, so the order never jumps between frames.
  std::sort(inbox.items.begin(), inbox.items.end(), [](const InboxItem& a, const InboxItem& b) {
    return a.since_ms != b.since_ms ? a.since_ms < b.since_ms : a.record->id < b.record->id;
  });
  return inbox;
}

}  // namespace nx::app
