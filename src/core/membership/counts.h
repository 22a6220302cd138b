#pragma once
// Counts for the dashboards of union units (工作台): members by status and the applications
// and transfers waiting for each unit — for the unit itself ("own") and with every unit below
// it ("total"), so a district sees its whole tree and a community federation its own part.
#include <map>
#include <string>

#include "core/sync/record_source.h"

namespace nx::membership {

struct MembershipCounts {
  int active = 0;
  int lapsed = 0;
  int transferred_out = 0;
  int applications_waiting = 0;    // submitted or resubmitted: staff to decide
  int applications_needs_info = 0; // waiting for the applicant
  int transfers_incoming = 0;      // transferred out to this unit, not yet taken in
  std::string oldest_waiting_since;  // submitted_at of the longest-waiting application ("" if none)
  bool operator==(const MembershipCounts&) const = default;
};

struct UnitCounts {
  MembershipCounts own;
  MembershipCounts total;
};

// Every unit in `records`, by id (units with nothing to count included, all zero). Records of
// units that do not exist are not counted.
std::map<std::string, UnitCounts> membership_counts(const sync::RecordSource& records);

}  // namespace nx::membership
