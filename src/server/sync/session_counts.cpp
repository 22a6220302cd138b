#include "server/sync/session_counts.h"

#include "core/events/registration.h"
#include "core/services/health_check.h"
#include "core/services/insurance.h"

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
    updated.stamps.set("waitlist_position", stamp);
    changed.push_back(std::move(updated));
  }
  if (session->fields.value("seats_taken", json()) != json(taken) || session->fields.value("waitlisted", json()) != json(waiting)) {
    sync::Record updated = *session;
    updated.fields["seats_taken"] = taken;
    updated.fields["waitlisted"] = waiting;
    updated.stamps.set("seats_taken", stamp);
    updated.stamps.set("waitlisted", stamp);
    changed.push_back(std::move(updated));
  }
  for (const sync::Record& r : changed) records.save(r);
}

namespace {

// Saves record (kind, id) with `field` = `count` unless it holds that already.
void publish_count(store::StoredRecords& records, const char* kind, const std::string& id, const char* field,
                   std::size_t count, std::int64_t now) {
  const sync::Record* record = records.get(kind, id);
  if (!record) return;
  const auto value = static_cast<std::int64_t>(count);
  if (record->fields.value(field, json()) == json(value)) return;
  sync::Record updated = *record;
  updated.fields[field] = value;
  updated.stamps.set(field, sync::Hlc{now, 0, "server"});
  records.save(updated);
}

}  // namespace

void publish_slot_counts(store::StoredRecords& records, const std::string& slot_id, std::int64_t now) {
  const std::size_t taken = services::count_bookings(records, slot_id);
  publish_count(records, "health_check_slot", slot_id, "places_taken", taken, now);
}

void publish_plan_counts(store::StoredRecords& records, const std::string& plan_id, std::int64_t now) {
  const std::size_t enrolled = services::enrolled_count(records, plan_id);
  publish_count(records, "insurance_plan", plan_id, "enrolled", enrolled, now);
}

void publish_counts(store::StoredRecords& records, kinds::Counter counter, const std::string& id, std::int64_t now) {
  switch (counter) {
    case kinds::Counter::SessionSeats: return publish_session_counts(records, id, now);
    case kinds::Counter::SlotPlaces: return publish_slot_counts(records, id, now);
    case kinds::Counter::PlanEnrolments: return publish_plan_counts(records, id, now);
  }
}

}  // namespace nx::server::sync_api
