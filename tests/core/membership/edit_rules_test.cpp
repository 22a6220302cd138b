// Rules that hold when stored records change, not only when they are made: a unit cannot be
// moved under its own child or deleted while units or members hang off it; a skill record
// cannot be corrected into an impossible ladder.
#include <doctest/doctest.h>

#include "world.h"

using namespace nx;
using namespace nx::test_membership;

TEST_CASE("moving a unit under its own descendant is refused; a legal move is not") {
  World w;
  // T1 (a town) under C1 (a community inside T1) would be a cycle.
  auto cycle = w.edit(w.admin, "unit", kT1, {{"parent_id", kC1}, {"unit_id", kC1}});
  CHECK(code_of(cycle) != "");
  CHECK(w.get("unit", kT1).str("parent_id") == kD);
  // The industry union of T1 moves to the district: allowed for district staff.
  auto move = w.edit(w.staff_d, "unit", kIC, {{"parent_id", kD}, {"unit_id", kD}});
  CHECK(applied(move));
  CHECK(w.get("unit", kIC).str("parent_id") == kD);
}

TEST_CASE("a unit with units or members under it cannot be deleted") {
  World w;
  CHECK(code_of(w.remove(w.staff_d, "unit", kT1)) == "unit_in_use");  // C1 and the industry union sit under it
  CHECK_FALSE(w.get("unit", kT1).deleted);
  // A leaf unit with nobody in it can go.
  CHECK(applied(w.remove(w.staff_t1, "unit", kIC)));
  CHECK(w.get("unit", kIC).deleted);
}
