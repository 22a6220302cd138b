// 集中入会 (staff): enrolling people on the spot, one screen per person, at an enterprise or an
// enrolment ceremony. Trade, employer and union stay from one person to the next; who they may
// already be shows as the phone number is typed; a running count says how many are done. All
// of it is saved on the device and syncs when there is signal.
#include <string>

#include "app/enrolment.h"
#include "app/phone.h"
#include "core/membership/unit.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

void unit_choice(app::EnrolForm& form, const sync::RecordSource& records, const std::string& staff_unit) {
  const auto choices = app::enrolment_units(records, membership::units_from(records), staff_unit);
  if (form.unit_id.empty() && !choices.empty()) form.unit_id = choices.front().unit_id;
  form_label(S::EnrolUnit);
  // The chosen union alone, until staff ask for the others.
  bool first = true;
  for (const app::UnitChoice& c : choices) {
    if (!form.choosing_unit && c.unit_id != form.unit_id) continue;
    if (choice_chip(c.unit_id.c_str(), c.name, form.unit_id == c.unit_id, first)) {
      form.unit_id = c.unit_id;
      form.choosing_unit = false;
      clear_error(form.errors, "area");
    }
    first = false;
  }
  if (choices.size() > 1 && !form.choosing_unit && link_button("other_unit", tr(S::EnrolOtherUnit))) form.choosing_unit = true;
  field_error(form.errors, "area");
}

void possible_duplicates(const app::EnrolForm& form, const sync::RecordSource& records) {
  if (form.errors.count("phone")) return;  // already said beside the number
  const auto found = app::enrolment_duplicates(form, records);
  if (found.empty()) return;
  std::string names;
  for (const membership::DuplicateMatch& m : found) names += (names.empty() ? "" : std::string(tr(S::ItemSeparator))) + m.name + " " + m.masked_phone;
  paragraph(std::string(tr(S::EnrolPossibleDuplicate)) + names, theme::kWarn);
}

void submit(app::AppState& state, const sync::RecordSource& records) {
  app::EnrolForm& form = state.enrol;
  auto plan = app::plan_enrolment(form, records, [&] { return state.services->new_id(); });
  if (!save_plan(state, plan.changes, plan.errors, form.errors)) return;
  const sync::Record* application = records.get(plan.changes.front().kind, plan.changes.front().id);
  app::next_person(form);
  if (application) form.last_enrolled += " · " + application->str("member_no");
  ImGui::SetScrollY(0);
}

}  // namespace

void draw_enrol(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (!records) return;
  app::EnrolForm& form = state.enrol;
  heading(tr(S::EnrolTitle));
  paragraph(tr(S::EnrolIntro), theme::kTextMuted);
  if (form.enrolled > 0) {
    card_begin("count");
    paragraph(tr(S::EnrolCount, std::to_string(form.enrolled)), theme::kText, fonts::faces().body_bold);
    paragraph(tr(S::EnrolLast, form.last_enrolled), theme::kOk);
    card_end();
  }

  card_begin("person");
  if (text_field("name", tr(S::FieldName), tr(S::EnrolNameHint), form.name, Keyboard::Text, 60)) clear_error(form.errors, "name");
  field_error(form.errors, "name");
  if (text_field("phone", tr(S::FieldPhone), tr(S::EnrolPhoneHint), form.phone, Keyboard::Phone, 20)) clear_error(form.errors, "phone");
  field_error(form.errors, "phone");
  possible_duplicates(form, *records);
  form_label(S::EnrolTrade);
  if (trade_chips(form.trade)) clear_error(form.errors, "trade");
  field_error(form.errors, "trade");
  if (text_field("employer", tr(S::ReviewEmployer), tr(S::JoinEmployerHint), form.employer, Keyboard::Text, 80))
    clear_error(form.errors, "employer");
  field_error(form.errors, "employer");
  unit_choice(form, *records, state.user_unit);
  card_end();

  card_begin("consent");
  paragraph(tr(S::EnrolConsentText));
  if (toggle_chip("consent", tr(S::EnrolConsent), form.consent, true)) {
    form.consent = !form.consent;
    clear_error(form.errors, "consent");
  }
  field_error(form.errors, "consent");
  card_end();
  field_error(form.errors, "form");
  // The same phone as a member is refused, and the member number issued, from every member here.
  const bool reading = says_still_reading(state);
  if (button("enrol", tr(S::EnrolSubmit), true, !reading)) submit(state, *records);
}

}  // namespace nx::ui
