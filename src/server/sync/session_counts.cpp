#include "server/sync/session_counts.h"

#include "core/events/registration.h"
#include "core/services/health_check.h"

namespace nx::server::sync_api {

using nlohmann::json;

// Keeps the session's seats_taken / waitlisted and each waitlisted registration's place
// current (registration.h says why), saving only what changed so phones pull it. Bookkeeping
// derived from audited changes, so not audited itself.
void publish_session_counts(store::StoredRecords& records, const std::string& session_id, std::int64_t now) {
  const sync::Record* session = records.get(events::kSessionKind, session_id);
  if (!session) return;
  const sync::Hlc stamp{now, 0, "server"};
  std::vector<sync::Record> changed;
  const auto regs = events::session_registrations(records, session_id);
  std::int64_t taken = 0, waiting = 0;
  for (const sync::Record* r : regs) {
    if (r->deleted) continue;
    const std::string status = r->str("status");
    if (events::holds_seat(status)) ++taken;
    if (status == "waitlisted") ++waiting;
    json place = nullptr;
    if (status == "waitlisted") {
      sync::Record bare = *r;
      bare.fields.erase("waitlist_position");
      if (auto p = events::waitlist_position(bare, regs)) place = static_cast<std::int64_t>(*p);
    }
    const json kept = r->fields.contains("waitlist_position") ? r->fields["waitlist_position"] : json(nullptr);
    if (kept == place) continue;
    sync::Record updated = *r;
    if (place.is_null()) updated.fields.erase("waitlist_position");
    else updated.fields["waitlist_position"] = place;
    updated.stamps["waitlist_position"] = stamp;
    changed.push_back(std::move(updated));
  }
  if (session->fields.value("seats_taken", json()) != json(taken) || session->fields.value("waitlisted", json()) != json(waiting)) {
    sync::Record updated = *session;
    updated.fields["seats_taken"] = taken;
    updated.fields["waitlisted"] = waiting;
    updated.stamps["seats_taken"] = updated.stamps["waitlisted"] = stamp;
    changed.push_back(std::move(updated));
  }
  for (const sync::Record& r : changed) records.save(r);
}

void publish_slot_counts(store::StoredRecords& records, const std::string& slot_id, std::int64_t now) {
  const sync::Record* slot = records.get("health_check_slot", slot_id);
  if (!slot) return;
  const auto taken = static_cast<std::int64_t>(services::count_bookings(records, slot_id));
  if (slot->fields.value("places_taken", json()) == json(taken)) return;
  sync::Record updated = *slot;
  updated.fields["places_taken"] = taken;
  updated.stamps["places_taken"] = sync::Hlc{now, 0, "server"};
  records.save(updated);
}

}  // namespace nx::server::sync_api
