#include "app/staff_inbox.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/membership/application.h"
#include "core/membership/normalize.h"
#include "core/pinyin.h"
#include "core/services/service_request.h"

namespace nx::app {

namespace {
// Between the folded fields, so that a search never matches across two of them: folded text
// is valid UTF-8, which never holds the byte 0xFF.
constexpr char kFieldBreak = '\xFF';
}  // namespace

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
    std::string folded;
    for (const char* field : {"name", "phone", "description", "employer"})
      if (const std::string& text = r->str_ref(field); !text.empty()) folded += membership::fold_text(text) + kFieldBreak;
    work.items.push_back({{r, since_ms, overdue}, std::move(folded), pinyin::initials_of(r->str_ref("name"))});
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
  const std::string query = membership::fold_text(filter.query);
  const bool initials = pinyin::looks_like_initials(query);
  for (const OpenWork::Item& open : work.items) {
    const InboxItem& item = open.item;
    if (!filter.kind.empty() && item.record->kind != filter.kind) continue;
    if (filter.overdue_only && !item.overdue) continue;
    if (!query.empty() && open.folded.find(query) == std::string::npos &&
        !(initials && pinyin::matches_initials(open.name_initials, query)))
      continue;
    inbox.items.push_back(item);
  }
  return inbox;
}

Inbox staff_inbox(const sync::RecordSource& records, const UnitTree& units, const std::string& staff_unit,
                  const InboxView& filter, std::int64_t now_ms) {
  return filter_inbox(open_work(records, units, staff_unit, now_ms), filter);
}

}  // namespace nx::app
