#include "app/staff_inbox.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/membership/application.h"
#include "core/services/service_request.h"

namespace nx::app {

bool request_waits_for_union(const std::string& status) {
  return status == "ordered" || status == "reopened" || status == "matched";
}

OpenWork open_work(const sync::RecordSource& records, const UnitTree& units, const std::string& staff_unit,
                   std::int64_t now_ms) {
  OpenWork work;
  const auto ours = [&](const sync::Record& r) {
    return staff_unit.empty() || units.is_within(r.str_ref("unit_id"), staff_unit);
  };
  const auto add = [&](const sync::Record* r, std::int64_t since_ms, bool overdue) {
    work.items.push_back({{r, since_ms, overdue}, search_text(*r, {"name", "phone", "description", "employer"})});
  };
  for (const sync::Record* r : records.all(membership::kApplicationKind)) {
    if (r->deleted || !membership::application_waiting(r->str_ref("status")) || !ours(*r)) continue;
    ++work.applications;
    const std::string& at = r->str_ref("submitted_at").empty() ? r->str_ref("created_at") : r->str_ref("submitted_at");
    add(r, civil::parse_datetime_ms(at).value_or(0), false);
  }
  for (const sync::Record* r : records.all("service_request")) {
    if (r->deleted || !request_waits_for_union(r->str_ref("status")) || !ours(*r)) continue;
    ++work.requests;
    const bool overdue = services::is_overdue(r->fields, now_ms);
    if (overdue) ++work.overdue;
    // A request keeps no creation time of its own; its category was written when it was made.
    const auto made = r->stamps.find("category");
    add(r, made == r->stamps.end() ? 0 : made->second.wall_ms, overdue);
  }
  // Ties by id, so the order never jumps between frames.
  std::sort(work.items.begin(), work.items.end(), [](const OpenWork::Item& a, const OpenWork::Item& b) {
    return a.item.since_ms != b.item.since_ms ? a.item.since_ms < b.item.since_ms : a.item.record->id < b.item.record->id;
  });
  return work;
}

Inbox filter_inbox(const OpenWork& work, const InboxView& filter) {
  Inbox inbox;
  inbox.applications = work.applications;
  inbox.requests = work.requests;
  inbox.overdue = work.overdue;
  const SearchQuery query(filter.query);
  for (const OpenWork::Item& open : work.items) {
    const InboxItem& item = open.item;
    if (!filter.kind.empty() && item.record->kind != filter.kind) continue;
    if (filter.overdue_only && !item.overdue) continue;
    if (!query.matches(open.text)) continue;
    inbox.items.push_back(item);
  }
  return inbox;
}

Inbox staff_inbox(const sync::RecordSource& records, const UnitTree& units, const std::string& staff_unit,
                  const InboxView& filter, std::int64_t now_ms) {
  return filter_inbox(open_work(records, units, staff_unit, now_ms), filter);
}

}  // namespace nx::app
