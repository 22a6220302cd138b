#include "app/enrolment.h"

#include <algorithm>

#include "app/staff_review.h"
#include "core/membership/application.h"
#include "core/membership/unit.h"

namespace nx::app {

std::vector<UnitChoice> enrolment_units(const sync::RecordSource& records, const UnitTree& units,
                                        const std::string& staff_unit) {
  std::vector<UnitChoice> out;
  for (const membership::UnionUnit& u : membership::units_in(records))
    if (staff_unit.empty() || units.is_within(u.id, staff_unit)) out.push_back({u.id, u.name});
  std::sort(out.begin(), out.end(), [&](const UnitChoice& a, const UnitChoice& b) {
    if ((a.unit_id == staff_unit) != (b.unit_id == staff_unit)) return a.unit_id == staff_unit;
    return a.name < b.name;
  });
  return out;
}

std::vector<membership::DuplicateMatch> enrolment_duplicates(const EnrolForm& form, const sync::RecordSource& records) {
  if (form.phone.size() < 11 && (form.name.empty() || form.employer.empty())) return {};
  return membership::find_duplicates({form.phone, form.name, form.employer, ""}, records);
}

EnrolmentPlan plan_enrolment(const EnrolForm& form, const sync::RecordSource& records,
                             const std::function<std::string()>& new_id) {
  EnrolmentPlan plan;
  auto& errors = plan.errors;
  const sync::Record* unit = records.get(membership::kUnitKind, form.unit_id);
  const std::string area = unit && !unit->deleted ? unit->str("area") : "";
  nlohmann::json fields = checked_person({form.name, form.phone, form.trade, form.employer, area, false}, errors);
  if (!unit && errors.count("area") == 0) errors["area"] = Msg::FormChooseTheUnion;
  if (!form.consent)
    errors["consent"] = Msg::FormPersonConsents;
  // The same mobile number as a member or an open application is the same person: enrolling
  // them again would be refused at approval anyway, so say it here, beside the number.
  for (const membership::DuplicateMatch& m : enrolment_duplicates(form, records))
    if (m.same_phone && !errors.count("phone"))
      errors["phone"] = Notice(Msg::WithAside, {m.reason, m.name});

  fields["unit_id"] = form.unit_id;
  fields["consent"] = true;
  fields["status"] = "submitted";
  add_core_errors(fields, errors);
  if (!errors.empty()) return plan;

  const std::string id = new_id();
  nlohmann::json draft = fields;
  draft.erase("status");
  draft.erase("consent");
  plan.changes.push_back({membership::kApplicationKind, id, std::move(draft), "", false});
  plan.changes.push_back({membership::kApplicationKind, id, {{"consent", true}}, "submit", false});
  sync::Record approved;
  approved.id = id;
  approved.fields = fields;
  for (Change& c : approve_application(approved, new_id())) plan.changes.push_back(std::move(c));
  return plan;
}

void next_person(EnrolForm& form) {
  form.last_enrolled = form.name;
  ++form.enrolled;
  form.name.clear();
  form.phone.clear();
  form.consent = false;
  form.errors.clear();
}

}  // namespace nx::app
