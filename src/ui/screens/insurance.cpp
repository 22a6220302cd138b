// 职工保险 under 服务: the plans the worker's union pays for, with places left, and one tap to
// enrol or leave. What the core would refuse is said before the tap (not a member yet, not
// open yet, full), so nobody waits for a sync to learn it.
#include "app/device.h"
#include "app/insurance.h"
#include "app/join.h"
#include "app/phone.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/labels.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

void plan_card(app::AppState& state, const app::InsuranceOffer& o, const sync::RecordSource& records) {
  const sync::Record& plan = *o.plan;
  ImGui::PushID(plan.id.c_str());
  ImGui::Dummy(ImVec2(0, 4));
  paragraph(plan.str("name"), theme::kText, fonts::faces().body_bold);
  chip(tr(plan.str("plan_type") == "health" ? S::InsuranceHealth : S::InsuranceAccident), theme::kAccent, theme::kAccentSoft);
  paragraph(tr(S::InsurancePeriod, plan.str("period_start") + " – " + plan.str("period_end")), theme::kTextMuted);
  if (!plan.str("description").empty()) paragraph(plan.str("description"), theme::kTextMuted, fonts::faces().small);
  const std::string places = std::string(tr(S::SeatsLeft, std::to_string(o.places_left))) + " · " +
                             tr(S::InsurancePlaces, std::to_string(o.quota));
  switch (o.standing) {
    case app::PlanStanding::Enrolled: {
      const bool waiting = state.services->unsynced(o.enrolment->kind, o.enrolment->id);
      chip(tr(waiting ? S::StatusWaiting : S::InsuranceEnrolled), waiting ? theme::kWarn : theme::kOk,
           waiting ? theme::kWarnSoft : theme::kOkSoft);
      if (!o.enrolment->str("enrolled_at").empty())
        paragraph(tr(S::InsuranceEnrolledAt, china_datetime(o.enrolment->str("enrolled_at"))), theme::kTextMuted, fonts::faces().small);
      std::string& leaving = state.services_view.leaving_plan;
      if (leaving != plan.id) {
        if (link_button("withdraw", tr(S::InsuranceWithdraw))) leaving = plan.id;
      } else {
        paragraph(tr(S::InsuranceLeaveWarn), theme::kWarn);
        if (button("keep", tr(S::InsuranceLeaveKeep))) leaving.clear();
        if (button("leave", tr(S::InsuranceLeaveConfirm), false) &&
            save_or_say(state, app::withdraw_from_plan(o, std::string(tr(S::InsuranceWithdrawReason)))))
          leaving.clear();
      }
      break;
    }
    case app::PlanStanding::Open:
      paragraph(places, theme::kOk);
      if (const sync::Record* member = app::my_membership(records, state.user_id); member && button("enrol", tr(S::InsuranceEnrol)))
        save_or_say(state, app::enrol_in_plan(o, *member, state.user_id, state.services->new_id()));
      break;
    case app::PlanStanding::NotMember:
      paragraph(places, theme::kTextMuted);
      paragraph(tr(S::InsuranceMembersOnly), theme::kWarn);
      if (button("join", tr(S::JoinStart), false)) {
        state.tab = app::Tab::Me;
        if (!app::my_application(records, state.user_id)) app::open_new_application(state);
      }
      break;
    case app::PlanStanding::NotYetOpen:
      paragraph(places, theme::kTextMuted);
      paragraph(tr(S::InsuranceOpensOn, plan.str("period_start")), theme::kWarn);
      break;
    case app::PlanStanding::Full:
      paragraph(tr(S::InsuranceFull), theme::kWarn);
      break;
  }
  ImGui::PopID();
}

}  // namespace

void insurance_plans(app::AppState& state, const sync::RecordSource& records) {
  paragraph(tr(S::InsuranceIntro), theme::kTextMuted);
  const auto offers = app::insurance_offers(records, state.user_id, app::now_ms(state));
  if (offers.empty()) paragraph(tr(S::InsuranceNone), theme::kTextMuted);
  for (const app::InsuranceOffer& o : offers) plan_card(state, o, records);
  ImGui::Dummy(ImVec2(0, 8));
}

}  // namespace nx::ui
