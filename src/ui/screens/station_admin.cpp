// 驿站管理 (staff, a page of 我的): the stations of the staff member's union and below, and a
// page to keep one current — open or closed and why, amenities, the same hours every day or
// 24 小时, phone and contact. Saved on the device, synced later; only what changed is sent.
#include <algorithm>
#include <string>

#include "app/pages.h"
#include "app/phone.h"
#include "app/station_editor.h"
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

struct Status {
  const char* name;
  S label;
};
constexpr Status kStatuses[] = {{"open", S::StationStatusOpen},
                                {"temporarily_closed", S::StationStatusPaused},
                                {"closed_permanently", S::StationStatusClosed}};

std::string_view status_text(const std::string& status) {
  for (const Status& s : kStatuses)
    if (status == s.name) return tr(s.label);
  return status;
}

void edit_page(app::AppState& state, const sync::Record& station) {
  app::StationEdit& f = state.station_edit;
  if (link_button("back", tr(S::StationAdminBack))) {
    f = app::StationEdit{};
    return app::close_page(state);
  }
  heading(station.str("name"));
  paragraph(station.str("address"), theme::kTextMuted);
  if (state.services->unsynced(station.kind, station.id)) chip(tr(S::StatusWaiting), theme::kWarn, theme::kWarnSoft);

  card_begin("status");
  form_label(S::StationAdminStatus);
  std::string_view labels[std::size(kStatuses)];
  int current = 0;
  for (std::size_t i = 0; i < std::size(kStatuses); ++i) {
    labels[i] = tr(kStatuses[i].label);
    if (f.status == kStatuses[i].name) current = static_cast<int>(i);
  }
  if (const int tapped = segmented("status", labels, static_cast<int>(std::size(kStatuses)), current); tapped >= 0) {
    f.status = kStatuses[tapped].name;
    clear_error(f.errors, "status_note");
  }
  if (text_field("note", tr(S::StationAdminNote), tr(S::StationAdminNoteHint), f.status_note, Keyboard::Text, 200))
    clear_error(f.errors, "status_note");
  field_error(f.errors, "status_note");
  card_end();

  card_begin("amenities");
  form_label(S::StationAdminAmenities);
  bool first = true;
  for (const LabelledName& a : kAmenityLabels) {
    const auto at = std::find(f.amenities.begin(), f.amenities.end(), a.name);
    if (toggle_chip(a.name.data(), tr(a.label), at != f.amenities.end(), first)) {
      if (at == f.amenities.end()) f.amenities.emplace_back(a.name);
      else f.amenities.erase(at);
    }
    first = false;
  }
  card_end();

  card_begin("hours");
  form_label(S::StationAdminHours);
  if (toggle_chip("24h", tr(S::StationAdmin24h), f.open_24h, true)) f.open_24h = !f.open_24h;
  if (!f.open_24h) {
    if (f.daily_open.empty() && f.daily_close.empty()) paragraph(tr(S::StationAdminHoursVary), theme::kTextMuted, fonts::faces().small);
    if (text_field("opens", tr(S::StationAdminOpens), "07:30", f.daily_open, Keyboard::Numeric, 5)) clear_error(f.errors, "hours");
    if (text_field("closes", tr(S::StationAdminCloses), "20:00", f.daily_close, Keyboard::Numeric, 5)) clear_error(f.errors, "hours");
  }
  field_error(f.errors, "hours");
  card_end();

  card_begin("contact");
  if (text_field("phone", tr(S::FieldPhone), "", f.phone, Keyboard::Phone, 20)) clear_error(f.errors, "phone");
  field_error(f.errors, "phone");
  text_field("contact", tr(S::StationAdminContact), "", f.contact_name, Keyboard::Text, 40);
  card_end();

  field_error(f.errors, "form");
  if (button("save", tr(S::StationAdminSave))) {
    const auto plan = app::plan_station_edit(f, station);
    if (save_plan(state, plan.changes, plan.errors, f.errors)) {
      state.notice = plan.changes.empty() ? S::StationAdminUnchanged : S::StationAdminSaved;
      f = app::StationEdit{};
      app::close_page(state);
    }
  }
}

}  // namespace

void draw_station_admin(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  app::StationEdit& f = state.station_edit;
  if (!records) return;
  if (app::showing(state, app::PageKind::StationEdit)) {
    if (const sync::Record* s = records->get("station", f.id); s && !s->deleted) return edit_page(state, *s);
    app::close_page(state);  // gone from the phone
  }
  if (link_button("back", tr(S::StationAdminBackToMe))) return app::close_page(state);
  heading(tr(S::StationAdminTitle));
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kOk);
  const auto stations = app::stations_kept_by(*records, membership::units_from(*records), state.user_unit);
  card_begin("list");
  if (stations.empty()) paragraph(tr(S::StationAdminNone), theme::kTextMuted);
  for (std::size_t i = 0; i < stations.size(); ++i) {
    const sync::Record& s = *stations[i];
    ImGui::PushID(s.id.c_str());
    if (i > 0) ImGui::Dummy(ImVec2(0, 4));
    paragraph(s.str("name"), theme::kText, fonts::faces().body_bold);
    const std::string status = s.str("status").empty() ? "open" : s.str("status");
    paragraph(std::string(status_text(status)) + (s.str("status_note").empty() ? "" : " · " + s.str("status_note")),
              status == "open" ? theme::kOk : theme::kWarn);
    if (link_button("edit", tr(S::StationAdminEdit))) {
      f = app::edit_station(s);
      app::open_page(state, app::PageKind::StationEdit, "station", s.id);
      state.notice = {};
    }
    ImGui::PopID();
  }
  card_end();
}

}  // namespace nx::ui
