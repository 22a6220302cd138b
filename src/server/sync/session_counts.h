#pragma once
// The seat counts the server keeps on each event session ("seats_taken", "waitlisted") and the
// place of each waitlisted registration ("waitlist_position"): a worker's phone sees only its
// own registrations, so it cannot count them (core/events/registration.h). Likewise the places
// taken of each health-check slot (core/services/health_check.h) and the enrolments of each
// insurance plan (core/services/insurance.h).
#include <cstdint>
#include <string>

#include "core/kinds/registry.h"
#include "server/store/records.h"

namespace nx::server::sync_api {

// Recounts one session and saves what changed (new sequence numbers, so phones pull it).
void publish_session_counts(store::StoredRecords& records, const std::string& session_id, std::int64_t now);
// The same for a health-check slot's "places_taken", and an insurance plan's "enrolled".
void publish_slot_counts(store::StoredRecords& records, const std::string& slot_id, std::int64_t now);
void publish_plan_counts(store::StoredRecords& records, const std::string& plan_id, std::int64_t now);
// The one of the three `counter` names, for the record `id` (a session, slot or plan).
void publish_counts(store::StoredRecords& records, kinds::Counter counter, const std::string& id, std::int64_t now);

}  // namespace nx::server::sync_api
