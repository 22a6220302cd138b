// Kinds of this area are registered here (see kinds/registry.h).
#include "core/kinds/registry.h"

namespace nx::kinds {

void register_event_kinds(Registry&) {}

}  // namespace nx::kinds
