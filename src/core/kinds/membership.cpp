// Kinds of the organisation and membership area (src/core/membership), registered here
// (see kinds/registry.h).
#include "core/kinds/registry.h"
#include "core/membership/application.h"
#include "core/membership/member.h"
#include "core/membership/skills.h"
#include "core/membership/unit.h"
#include "core/membership/volunteers.h"

namespace nx::kinds {

void register_membership_kinds(Registry& r) {
  r.add(membership::unit_kind());
  r.add(membership::application_kind());
  r.add(membership::member_kind());
  r.add(membership::skill_record_kind());
  r.add(membership::volunteer_team_kind());
  r.add(membership::volunteer_membership_kind());
}

}  // namespace nx::kinds
