#pragma once
// The staff dashboard's numbers for this area, per union unit; a unit's numbers include every
// unit under it (a district sees its towns and companies).
#include <cstdint>
#include <map>
#include <string>

#include "core/access.h"
#include "core/sync/record_source.h"

namespace nx::services {

struct ServiceCounts {
  std::map<std::string, std::size_t> requests_by_state;  // every state of the workflow, zeros included
  std::size_t requests_overdue = 0;                      // is_overdue
  std::size_t stations = 0;                              // in service (not closed permanently)
  std::size_t stations_open_now = 0;
  std::size_t insurance_enrolled = 0;                    // live enrolments in the unit's plans
  std::size_t health_checks_booked = 0;                  // bookings waiting for their day
};

ServiceCounts service_counts(const sync::RecordSource& records, const UnitTree& units, const std::string& unit_id,
                             std::int64_t now_ms);

}  // namespace nx::services
