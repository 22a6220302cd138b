#pragma once
// 统计 for staff: the numbers of their union and every union below it (an admin: the whole
// tree from its root), each table as labelled counts a chart and a CSV can both take.
#include <cstdint>
#include <string>
#include <vector>

#include "core/sync/record_source.h"

namespace nx::app {

struct Count {
  std::string key;    // a trade, a unit id, a workflow state, a category
  std::string label;  // the unit's name for units; else "" (the screen words the key)
  std::int64_t value = 0;
};

struct StaffDashboard {
  std::string unit_id;  // the unit counted
  std::int64_t members_active = 0;
  std::int64_t applications_waiting = 0;
  std::vector<Count> members_by_trade;  // every trade, zeros included, in the core's order
  std::vector<Count> members_by_unit;   // the unit itself (its own members), then each unit right below it with its tree
  std::vector<Count> requests_by_stage; // every state of the request workflow
  std::vector<Count> requests_by_kind;  // every category
  std::int64_t requests_overdue = 0;
  std::int64_t events_this_month = 0;    // published events with a session in this China month
  std::int64_t handouts_this_month = 0;  // handouts given (not voided) this China month
  std::int64_t insurance_enrolled = 0;
  std::int64_t insurance_quota = 0;      // of the plans of the unit and below
};

// `staff_unit` "" counts from the root (an admin).
StaffDashboard staff_dashboard(const sync::RecordSource& records, const std::string& staff_unit, std::int64_t now_ms);

// "key,label,count" lines with a header, for a spreadsheet.
std::string counts_csv(const std::vector<Count>& counts, const std::string& key_header);

}  // namespace nx::app
