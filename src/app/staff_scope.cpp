#include "app/staff_scope.h"

#include <algorithm>

namespace nx::app {

std::vector<const sync::Record*> kept_by(const sync::RecordSource& records, const UnitTree& units, const std::string& kind,
                                         const std::string& staff_unit) {
  std::vector<const sync::Record*> out;
  for (const sync::Record* r : records.all(kind))
    if (!r->deleted && (staff_unit.empty() || units.is_within(r->str("unit_id"), staff_unit))) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const sync::Record* a, const sync::Record* b) {
    return a->str("name") != b->str("name") ? a->str("name") < b->str("name") : a->id < b->id;
  });
  return out;
}

}  // namespace nx::app
