#pragma once
// What a staff member keeps: records of their union and the unions below it.
#include <string>
#include <vector>

#include "core/access.h"
#include "core/sync/record_source.h"

namespace nx::app {

// The live records of `kind` whose unit is `staff_unit` or below it (an admin's "": all),
// by name, then id.
std::vector<const sync::Record*> kept_by(const sync::RecordSource& records, const UnitTree& units, const std::string& kind,
                                         const std::string& staff_unit);

}  // namespace nx::app
