#include "app/staff_inbox.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>

#include "core/civil_time.h"
#include "core/membership/application.h"
#include "core/membership/unit.h"
#include "core/services/service_request.h"

namespace nx::app {

bool request_waits_for_union(const std::string& status) {
  return status == "ordered" || status == "reopened" || status == "matched";
}

namespace {

// The item `r` makes when it waits for the union within the staff member's reach.
std::optional<OpenWork::Item> waiting_item(const sync::Record& r, const UnitTree& units, const std::string& staff_unit,
                                           std::int64_t now_ms) {
  if (r.deleted || !(staff_unit.empty() || units.is_within(r.str_ref("unit_id"), staff_unit))) return std::nullopt;
  const auto item = [&](std::int64_t since_ms, bool overdue) {
    return OpenWork::Item{{&r, since_ms, overdue}, search_text(r, {"name", "phone", "description", "employer"}),
                          r.kind == membership::kApplicationKind, r.id};
  };
  if (r.kind == membership::kApplicationKind) {
    if (!membership::application_waiting(r.str_ref("status"))) return std::nullopt;
    const std::string& at = r.str_ref("submitted_at").empty() ? r.str_ref("created_at") : r.str_ref("submitted_at");
    return item(civil::parse_datetime_ms(at).value_or(0), false);
  }
  if (r.kind != "service_request" || !request_waits_for_union(r.str_ref("status"))) return std::nullopt;
  // A request keeps no creation time of its own; its category was written when it was made.
  const sync::Hlc* made = r.stamps.find("category");
  return item(made ? made->wall_ms : 0, services::is_overdue(r.fields, now_ms));
}

void count(OpenWork& work, const OpenWork::Item& item, int by) {
  (item.application ? work.applications : work.requests) += by;
  if (item.item.overdue) work.overdue += by;
}

// Oldest first; ties by id, so the order never jumps between frames.
bool earlier(const OpenWork::Item& a, const OpenWork::Item& b) {
  return a.item.since_ms != b.item.since_ms ? a.item.since_ms < b.item.since_ms : a.id < b.id;
}

}  // namespace

OpenWork open_work(const sync::RecordSource& records, const UnitTree& units, const std::string& staff_unit,
                   std::int64_t now_ms) {
  OpenWork work;
  for (const char* kind : {membership::kApplicationKind, "service_request"})
    for (const sync::Record* r : records.all(kind))
      if (auto item = waiting_item(*r, units, staff_unit, now_ms)) {
        count(work, *item, 1);
        work.items.push_back(std::move(*item));
      }
  std::sort(work.items.begin(), work.items.end(), earlier);
  return work;
}

bool update_open_work(OpenWork& work, const sync::RecordSource& records, const UnitTree& units,
                      const std::string& staff_unit, const std::vector<std::pair<std::string, std::string>>& changed,
                      std::int64_t now_ms) {
  std::set<std::string> applications, requests;  // ids
  for (const auto& [kind, id] : changed) {
    if (kind == membership::kUnitKind) return false;
    if (kind == membership::kApplicationKind) applications.insert(id);
    else if (kind == "service_request") requests.insert(id);
  }
  if (applications.empty() && requests.empty()) return true;
  // The changed records' items go (their pointers may be stale), and come back as they are now.
  const auto changed_item = [&](const OpenWork::Item& i) { return (i.application ? applications : requests).count(i.id) > 0; };
  for (const OpenWork::Item& i : work.items)
    if (changed_item(i)) count(work, i, -1);
  std::erase_if(work.items, changed_item);
  std::vector<OpenWork::Item> added;
  for (const auto& [kind, ids] : {std::pair{membership::kApplicationKind, &applications}, std::pair{"service_request", &requests}})
    for (const std::string& id : *ids)
      if (const sync::Record* r = records.get(kind, id))
        if (auto item = waiting_item(*r, units, staff_unit, now_ms)) {
          count(work, *item, 1);
          added.push_back(std::move(*item));
        }
  std::sort(added.begin(), added.end(), earlier);
  const auto kept = static_cast<std::ptrdiff_t>(work.items.size());
  std::move(added.begin(), added.end(), std::back_inserter(work.items));
  std::inplace_merge(work.items.begin(), work.items.begin() + kept, work.items.end(), earlier);
  return true;
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
