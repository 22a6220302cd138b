#include "core/services/dashboard.h"

#include <unordered_set>

#include "core/services/service_request.h"
#include "core/services/station_search.h"

namespace nx::services {

ServiceCounts service_counts(const sync::RecordSource& records, const UnitTree& units, const std::string& unit_id,
                             std::int64_t now_ms) {
  ServiceCounts c;
  for (std::string_view state : kRequestStates) c.requests_by_state[std::string(state)] = 0;
  const std::unordered_set<std::string> scope = units.within(unit_id);
  auto mine = [&](const sync::Record* r) { return scope.count(r->str_ref("unit_id")) != 0; };

  for (const sync::Record* r : records.all("service_request")) {
    if (!mine(r)) continue;
    auto it = c.requests_by_state.find(r->str_ref("status"));
    if (it != c.requests_by_state.end()) ++it->second;
    if (is_overdue(r->fields, now_ms)) ++c.requests_overdue;
  }
  for (const sync::Record* r : records.all("station")) {
    if (!mine(r)) continue;
    auto station = station_from_record(*r);
    if (!station || station.value().status == "closed_permanently") continue;
    ++c.stations;
    if (is_open_at(station.value(), now_ms)) ++c.stations_open_now;
  }
  for (const sync::Record* r : records.all("insurance_enrolment"))
    if (mine(r) && r->str("status") == "enrolled") ++c.insurance_enrolled;
  for (const sync::Record* r : records.all("health_check_booking"))
    if (mine(r) && r->str("status") == "booked") ++c.health_checks_booked;
  return c;
}

}  // namespace nx::services
