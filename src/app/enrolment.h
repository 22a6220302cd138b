#pragma once
// 集中入会: staff enrolling people on the spot, one after another, at an enterprise or an
// enrolment ceremony, often with no network. Each person becomes an application the staff
// member enters, submits on the person's behalf (they stood beside them and consented),
// approves and turns into a member record: four changes, saved together on the device.
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/local_store.h"
#include "app/person_form.h"
#include "core/access.h"
#include "core/membership/duplicates.h"
#include "core/sync/record_source.h"

namespace nx::app {

// The units a staff member may enrol into: their own and every unit below it, their own
// first (an admin: every unit). Each with its name.
struct UnitChoice {
  std::string unit_id;
  std::string name;
};
std::vector<UnitChoice> enrolment_units(const sync::RecordSource& records, const UnitTree& units,
                                        const std::string& staff_unit);

// Live: who this person may already be (as typed so far). Empty until a phone, or a name and
// an employer, are there.
std::vector<membership::DuplicateMatch> enrolment_duplicates(const EnrolForm& form, const sync::RecordSource& records);

struct EnrolmentPlan {
  std::vector<Change> changes;  // empty when errors is not
  FieldErrors errors;
};
EnrolmentPlan plan_enrolment(const EnrolForm& form, const sync::RecordSource& records,
                             const std::function<std::string()>& new_id);

// After saving: the next person starts with the same trade, employer and unit.
void next_person(EnrolForm& form);

}  // namespace nx::app
