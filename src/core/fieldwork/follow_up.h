#pragma once
// Follow-up actions 跟进事项 on what workers raised in a visit: an action, the staff member
// responsible, a due date. owner_id here is that staff member (责任人): the access rules then
// let them close it even when they work for another unit than the visit's. `assignee` names
// who does the work when it is someone without an account here (an enterprise's union chair,
// a community cadre): the staff member who owns it follows it up with them.
// Overdue is derived (open and past its due date, China local date), never stored.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/events/rule_support.h"
#include "core/kinds/registry.h"
#include "core/sync/record.h"
#include "core/sync/record_source.h"
#include "core/workflow.h"

namespace nx::fieldwork {

inline constexpr const char* kFollowUpKind = "follow_up";

struct FollowUp {
  std::string visit_id;
  std::string item_id;  // optional: the raised item it answers
  std::string unit_id;  // the visit's, copied for access rules
  std::string action;
  std::string owner_id;  // the responsible staff user
  std::string assignee;  // optional: who does it, when not the owner (a name and role)
  std::string due_date;
  std::string status;    // open | done | cancelled
  std::string result_note;
  std::string cancel_reason;
  std::string done_by;
  std::string done_at;
};

events::Decoded<FollowUp> decode_follow_up(const nlohmann::json& fields);
nlohmann::json to_fields(const FollowUp& f);

// open --complete--> done        the responsible staff member, staff of the unit, admin
// open --cancel--> cancelled     staff of the unit, admin; a reason is required
// done|cancelled --reopen--> open   staff of the unit, admin
const Workflow& follow_up_workflow();
kinds::KindSpec follow_up_kind();

// Open and its due date is before today (China local date of `now_ms`).
bool is_overdue(const nlohmann::json& follow_up_fields, std::int64_t now_ms);

struct FollowUpCounts {
  std::int64_t open = 0;
  std::int64_t overdue = 0;  // included in open
  std::int64_t done = 0;
  std::int64_t cancelled = 0;
};
// Follow-ups of `unit_id` and every unit below it.
FollowUpCounts follow_up_counts(const std::string& unit_id, std::int64_t now_ms, const sync::RecordSource& records,
                                const UnitTree& units);

}  // namespace nx::fieldwork
