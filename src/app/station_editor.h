#pragma once
// 驿站管理 for staff: keeping a rest station's status, amenities, phone and hours current from
// the field (a station closes for repairs, gets a microwave, changes its hours for winter).
// Only what changed is sent, so two staff editing different things both keep their edits.
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/local_store.h"
#include "app/staff_scope.h"
#include "core/access.h"
#include "core/sync/record_source.h"

namespace nx::app {

// The stations of `staff_unit` and the units below it (an admin: all), by name.
inline std::vector<const sync::Record*> stations_kept_by(const sync::RecordSource& records, const UnitTree& units,
                                                         const std::string& staff_unit) {
  return kept_by(records, units, "station", staff_unit);
}

// The form filled from the station. The daily hours are filled when every day has the same
// single opening; otherwise they stay empty and the week's hours are left as they are.
StationEdit edit_station(const sync::Record& station);

struct StationPlan {
  std::vector<Change> changes;  // none when nothing changed or errors is not empty
  FieldErrors errors;
};
StationPlan plan_station_edit(const StationEdit& form, const sync::Record& station);

}  // namespace nx::app
