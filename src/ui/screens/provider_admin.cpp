// 服务方管理 (staff, a page of 我的): the providers requests are assigned to (律师顾问团, social
// organisations, partner companies): add one, or keep what it offers, its hours and phone and
// whether it takes new requests current. Saved on the device; only what changed is sent.
#include <algorithm>
#include <string>

#include "app/pages.h"
#include "app/phone.h"
#include "app/provider_editor.h"
#include "core/membership/unit.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/labels.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

constexpr LabelledName kTypes[] = {{"lawyer", S::ProviderLawyer}, {"social_org", S::ProviderSocialOrg}, {"company", S::ProviderCompany}};
constexpr LabelledName kServices[] = {{"legal_consultation", S::CatLegalConsultation}, {"legal_aid", S::CatLegalAid},
                                      {"health", S::CatHealthCheck}, {"insurance", S::CatInsurance},
                                      {"training", S::CatTraining}, {"other", S::CatOther}};

std::string services_text(const sync::Record& p) {
  std::string out;
  if (p.fields.contains("services") && p.fields["services"].is_array())
    for (const auto& s : p.fields["services"])
      for (const LabelledName& l : kServices)
        if (s.is_string() && s.get<std::string>() == l.name) out += (out.empty() ? "" : std::string(tr(S::ListSeparator))) + std::string(tr(l.label));
  return out;
}

void edit_page(app::AppState& state, const sync::RecordSource& records) {
  app::ProviderEdit& f = state.provider_edit;
  if (link_button("back", tr(S::ProviderAdminBack))) {
    f = app::ProviderEdit{};
    return app::close_page(state);
  }
  heading(tr(f.id.empty() ? S::ProviderAdminAdd : S::ProviderAdminUpdate));
  card_begin("who");
  if (text_field("name", tr(S::ProviderName), tr(S::ProviderNameHint), f.name, Keyboard::Text, 60)) clear_error(f.errors, "name");
  field_error(f.errors, "name");
  std::string_view labels[std::size(kTypes)];
  int current = 0;
  for (std::size_t i = 0; i < std::size(kTypes); ++i) {
    labels[i] = tr(kTypes[i].label);
    if (f.type == kTypes[i].name) current = static_cast<int>(i);
  }
  if (const int tapped = segmented("type", labels, static_cast<int>(std::size(kTypes)), current); tapped >= 0)
    f.type = std::string(kTypes[tapped].name);
  form_label(S::ProviderServices);
  bool first = true;
  for (const LabelledName& s : kServices) {
    const auto at = std::find(f.services.begin(), f.services.end(), s.name);
    if (toggle_chip(s.name.data(), tr(s.label), at != f.services.end(), first)) {
      if (at == f.services.end()) f.services.emplace_back(s.name);
      else f.services.erase(at);
      clear_error(f.errors, "services");
    }
    first = false;
  }
  field_error(f.errors, "services");
  card_end();

  card_begin("contact");
  text_field("hours", tr(S::ProviderHours), tr(S::ProviderHoursHint), f.office_hours, Keyboard::Text, 100);
  field_error(f.errors, "office_hours");
  if (text_field("phone", tr(S::ProviderPhone), "0523-…", f.phone, Keyboard::Phone, 30)) clear_error(f.errors, "phone");
  field_error(f.errors, "phone");
  text_field("notes", tr(S::ProviderNotes), tr(S::ProviderNotesHint), f.notes, Keyboard::Text, 1000);
  if (toggle_chip("active", tr(S::ProviderActive), f.active, true)) f.active = !f.active;
  card_end();

  field_error(f.errors, "form");
  if (button("save", tr(S::StationAdminSave))) {
    const sync::Record* existing = f.id.empty() ? nullptr : records.get("provider", f.id);
    const auto plan = app::plan_provider(f, existing, state.user_unit, [&] { return state.services->new_id(); });
    if (save_plan(state, plan.changes, plan.errors, f.errors)) {
      state.notice = plan.changes.empty() ? S::StationAdminUnchanged : S::ProviderSaved;
      f = app::ProviderEdit{};
      app::close_page(state);
    }
  }
}

}  // namespace

void draw_provider_admin(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  app::ProviderEdit& f = state.provider_edit;
  if (!records) return;
  if (app::showing(state, app::PageKind::ProviderEdit)) return edit_page(state, *records);
  if (link_button("back", tr(S::StationAdminBackToMe))) return app::close_page(state);
  heading(tr(S::ProviderAdminTitle));
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kOk);
  if (!state.user_unit.empty() && button("add", tr(S::ProviderAdminAdd))) {
    f = app::new_provider();
    app::open_page(state, app::PageKind::ProviderEdit, "provider");
    state.notice = {};
  }
  const auto providers = app::providers_kept_by(*records, membership::units_from(*records), state.user_unit);
  card_begin("list");
  if (providers.empty()) paragraph(tr(S::ProviderAdminNone), theme::kTextMuted);
  for (std::size_t i = 0; i < providers.size(); ++i) {
    const sync::Record& p = *providers[i];
    ImGui::PushID(p.id.c_str());
    if (i > 0) ImGui::Dummy(ImVec2(0, 4));
    paragraph(p.str("name"), theme::kText, fonts::faces().body_bold);
    paragraph(services_text(p), theme::kTextMuted);
    const app::ProviderEdit shown = app::edit_provider(p);
    if (!shown.active) paragraph(tr(S::ProviderInactive), theme::kWarn);
    if (link_button("edit", tr(S::StationAdminEdit))) {
      f = shown;
      app::open_page(state, app::PageKind::ProviderEdit, "provider", p.id);
      state.notice = {};
    }
    ImGui::PopID();
  }
  card_end();
}

}  // namespace nx::ui
