// 申请入会: the application form, one page of 我的. Before submitting it shows which union the
// application goes to and why (the core's routing), and every problem beside its field.
#include "app/pages.h"
#include "app/join.h"

#include "app/phone.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

void changed(app::JoinForm& form, const char* field) { clear_error(form.errors, field); }
void field_error(const app::JoinForm& form, const char* field) { ui::field_error(form.errors, field); }
void label(S key) { form_label(key); }

void trade_choice(app::JoinForm& form) {
  label(S::JoinTrade);
  if (trade_chips(form.trade)) changed(form, "trade");
  field_error(form, "trade");
}

void area_choice(app::JoinForm& form, const sync::RecordSource& records) {
  label(S::JoinArea);
  bool first = true;
  for (const app::AreaChoice& t : app::towns(records)) {
    if (choice_chip(t.unit_id.c_str(), t.name, form.town_id == t.unit_id, first)) {
      form.town_id = form.area_unit_id = t.unit_id;
      changed(form, "area");
    }
    first = false;
  }
  if (!form.town_id.empty()) {
    const auto communities = app::communities(records, form.town_id);
    if (!communities.empty()) {
      label(S::JoinCommunity);
      first = true;
      for (const app::AreaChoice& c : communities) {
        if (choice_chip(c.unit_id.c_str(), c.name, form.area_unit_id == c.unit_id, first)) {
          form.area_unit_id = form.area_unit_id == c.unit_id ? form.town_id : c.unit_id;
          changed(form, "area");
        }
        first = false;
      }
    }
  }
  field_error(form, "area");
}

// Where it goes and why, in the core's own words, before the person commits.
void route_preview(const app::JoinForm& form, const sync::RecordSource& records) {
  const auto route = app::join_route(form, records);
  if (!route) return;
  card_begin("route");
  paragraph(tr(S::JoinGoesTo), theme::kTextMuted, fonts::faces().small);
  paragraph(route->unit_name, theme::kText, fonts::faces().body_bold);
  paragraph(tr(route->why), theme::kTextMuted);
  card_end();
}

void submit(app::AppState& state, const sync::RecordSource& records) {
  app::JoinForm& form = state.join;
  auto plan = app::plan_join(form, state.user_id, records, [&] { return state.services->new_id(); });
  if (!save_plan(state, plan.changes, plan.errors, form.errors)) return;
  form = app::JoinForm{};
  app::close_page(state);
  state.notice = S::JoinSubmitted;
}

}  // namespace

void draw_join(app::AppState& state) {
  app::JoinForm& form = state.join;
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (link_button("back", tr(S::JoinBack)) || !records) return app::close_page(state);
  heading(tr(form.resubmit_id.empty() ? S::JoinTitle : S::JoinResubmitTitle));
  paragraph(tr(S::JoinIntro), theme::kTextMuted);

  if (!form.resubmit_id.empty()) {
    if (const sync::Record* a = records->get("membership_application", form.resubmit_id)) {
      card_begin("asked");
      paragraph(tr(S::JoinUnionAsked), theme::kTextMuted, fonts::faces().small);
      paragraph(a->str("info_request"), theme::kAccent);
      card_end();
    }
    if (text_field("info_reply", tr(S::JoinInfoReply), tr(S::JoinInfoReplyHint), form.info_reply, Keyboard::Text, 600))
      changed(form, "info_reply");
    field_error(form, "info_reply");
  }
  if (text_field("name", tr(S::FieldName), tr(S::FieldNameHint), form.name, Keyboard::Text, 60)) changed(form, "name");
  field_error(form, "name");
  if (text_field("phone", tr(S::FieldPhone), tr(S::FieldPhoneHint), form.phone, Keyboard::Phone, 20)) changed(form, "phone");
  field_error(form, "phone");
  trade_choice(form);
  if (text_field("employer", tr(S::JoinEmployer), tr(S::JoinEmployerHint), form.employer, Keyboard::Text, 80))
    changed(form, "employer");
  field_error(form, "employer");
  area_choice(form, *records);
  route_preview(form, *records);

  card_begin("consent");
  paragraph(tr(S::JoinConsentText));
  if (toggle_chip("consent", tr(S::JoinConsent), form.consent, true)) {
    form.consent = !form.consent;
    changed(form, "consent");
  }
  field_error(form, "consent");
  card_end();
  field_error(form, "form");
  if (button("submit", tr(form.resubmit_id.empty() ? S::JoinSubmit : S::JoinResubmit))) submit(state, *records);
}

}  // namespace nx::ui
