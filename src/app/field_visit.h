#pragma once
// 走访 for staff: logging a visit to an enterprise (主席大走访), a ride-along (跟车调研) or a
// survey, offline, with what the workers raised (急难愁盼) as separate items and follow-up
// actions with a due date; and the quarter's coverage of the unit's enterprises.
// The responsible person of a follow-up is the staff member logging it: the phone knows no
// other staff accounts (people are not records), and whoever takes it over can be set on the
// server's side later.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/local_store.h"
#include "app/person_form.h"
#include "core/access.h"
#include "core/sync/record_source.h"

namespace nx::app {

// An empty form dated today (China time), with one raised item and one follow-up row (due in
// two weeks) to fill.
VisitForm new_visit_form(std::int64_t now_ms);

// The company unions at or below `staff_unit` (an admin: all), by name.
struct Enterprise {
  std::string unit_id;
  std::string name;  // its employer, else the union's name
};
std::vector<Enterprise> enterprises(const sync::RecordSource& records, const UnitTree& units, const std::string& staff_unit);

struct VisitPlan {
  std::vector<Change> changes;  // the visit, its items, its follow-ups; empty when errors is not
  FieldErrors errors;
};
// Rows with no text are left out; a follow-up with a bad due date is named by its row.
// `staff` logs it for their unit.
VisitPlan plan_visit(const VisitForm& form, const Actor& staff, const sync::RecordSource& records,
                     const std::function<std::string()>& new_id);

// The unit's visits, latest first, with how many items were raised and follow-ups are open.
struct VisitSummary {
  const sync::Record* visit = nullptr;
  int items = 0;
  int follow_ups_open = 0;
};
std::vector<VisitSummary> recent_visits(const sync::RecordSource& records, const UnitTree& units,
                                        const std::string& staff_unit, std::size_t limit);

}  // namespace nx::app
