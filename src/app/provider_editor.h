#pragma once
// 服务方管理 for staff: the panel lawyers, social organisations and companies their union assigns
// requests to (配单): adding one, and keeping what it offers, its office hours, phone and
// whether it takes new requests current. Only what changed is sent.
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/local_store.h"
#include "app/staff_scope.h"
#include "core/access.h"
#include "core/sync/record_source.h"

namespace nx::app {

// The providers of `staff_unit` and the units below it (an admin: all), by name.
inline std::vector<const sync::Record*> providers_kept_by(const sync::RecordSource& records, const UnitTree& units,
                                                          const std::string& staff_unit) {
  return kept_by(records, units, "provider", staff_unit);
}

ProviderEdit edit_provider(const sync::Record& provider);
ProviderEdit new_provider();

struct ProviderPlan {
  std::vector<Change> changes;  // none when nothing changed or errors is not empty
  FieldErrors errors;
};
// `existing` is null for a new provider, kept by `unit_id`.
ProviderPlan plan_provider(const ProviderEdit& form, const sync::Record* existing, const std::string& unit_id,
                           const std::function<std::string()>& new_id);

}  // namespace nx::app
