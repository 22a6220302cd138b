// Kinds of this area are registered here (see kinds/registry.h): events and their sessions,
// registrations, care campaigns and their handout ledger, staff field work.
#include "core/events/campaign.h"
#include "core/events/event.h"
#include "core/events/handout.h"
#include "core/events/registration.h"
#include "core/events/session.h"
#include "core/fieldwork/follow_up.h"
#include "core/fieldwork/visit.h"
#include "core/kinds/registry.h"

namespace nx::kinds {

void register_event_kinds(Registry& r) {
  r.add(events::event_kind());
  r.add(events::session_kind());
  r.add(events::registration_kind());
  r.add(events::campaign_kind());
  r.add(events::handout_kind());
  r.add(fieldwork::visit_kind());
  r.add(fieldwork::visit_item_kind());
  r.add(fieldwork::follow_up_kind());
}

}  // namespace nx::kinds
