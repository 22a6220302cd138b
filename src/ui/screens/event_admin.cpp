// 活动管理 (staff, a page of 我的): the union's coming events with the seats left in each, and a
// new event with its sessions, published at once (workers see it after the next sync). Written
// offline as easily as online.
#include <string>

#include "app/pages.h"
#include "app/device.h"
#include "app/event_editor.h"
#include "app/phone.h"
#include "core/events/dashboard.h"
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

void new_event(app::AppState& state) {
  app::EventForm& f = state.event_form;
  if (link_button("back", tr(S::EventAdminBack))) return app::close_page(state);
  heading(tr(S::EventAdminNew));
  card_begin("what");
  if (text_field("title", tr(S::EventAdminTitleField), tr(S::EventAdminTitleHint), f.title, Keyboard::Text, 100))
    clear_error(f.errors, "title");
  field_error(f.errors, "title");
  form_label(S::EventAdminCategory);
  bool first = true;
  for (const LabelledName& c : kEventCategories) {
    if (choice_chip(c.name.data(), tr(c.label), f.category == c.name, first)) f.category = std::string(c.name);
    first = false;
  }
  text_field("place", tr(S::EventAdminPlace), tr(S::EventAdminPlaceHint), f.place, Keyboard::Text, 100);
  text_field("description", tr(S::EventAdminDescription), "", f.description, Keyboard::Text, 1000);
  card_end();

  card_begin("sessions");
  heading(tr(S::EventAdminSessions));
  for (std::size_t i = 0; i < f.sessions.size(); ++i) {
    app::SessionDraft& s = f.sessions[i];
    const std::string key = "session." + std::to_string(i);
    ImGui::PushID(static_cast<int>(i));
    if (i > 0) ImGui::Dummy(ImVec2(0, 6));
    paragraph(tr(S::EventAdminSessionN, std::to_string(i + 1)), theme::kText, fonts::faces().body_bold);
    bool changed = text_field("date", tr(S::VisitDate), "2026-12-05", s.date, Keyboard::Numeric, 10);
    changed |= text_field("start", tr(S::EventAdminStart), "09:00", s.start, Keyboard::Numeric, 5);
    changed |= text_field("end", tr(S::EventAdminEnd), "11:00", s.end, Keyboard::Numeric, 5);
    changed |= text_field("capacity", tr(S::EventAdminCapacity), "30", s.capacity, Keyboard::Numeric, 6);
    if (changed) clear_error(f.errors, key.c_str());
    field_error(f.errors, key.c_str());
    ImGui::PopID();
  }
  if (f.sessions.size() < 20 && link_button("more", tr(S::EventAdminAddSession)))
    f.sessions.push_back(f.sessions.empty() ? app::SessionDraft{} : f.sessions.back());
  field_error(f.errors, "sessions");
  card_end();
  field_error(f.errors, "form");
  if (button("publish", tr(S::EventAdminPublish))) {
    const auto plan = app::plan_event(f, state.user_unit, [&] { return state.services->new_id(); });
    if (save_plan(state, plan.changes, plan.errors, f.errors)) {
      state.notice = S::EventAdminPublished;
      f = app::EventForm{};
      app::close_page(state);
    }
  }
}

}  // namespace

void draw_event_admin(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  app::EventForm& f = state.event_form;
  if (!records) return;
  if (app::showing(state, app::PageKind::EventWrite)) return new_event(state);
  if (link_button("back", tr(S::StationAdminBackToMe))) return app::close_page(state);
  heading(tr(S::EventAdminHeading));
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kOk);
  if (button("new", tr(S::EventAdminNew))) {
    f = app::new_event_form(app::now_ms(state));
    app::open_page(state, app::PageKind::EventWrite);
    state.notice = {};
  }
  const std::string unit = state.user_unit;
  const auto coming = events::upcoming_events(unit, app::now_ms(state), *records, membership::units_from(*records));
  card_begin("coming");
  heading(tr(S::EventAdminComing));
  if (coming.empty()) paragraph(tr(S::EventAdminNone), theme::kTextMuted);
  for (std::size_t i = 0; i < coming.size(); ++i) {
    const events::UpcomingEvent& e = coming[i];
    if (i > 0) ImGui::Dummy(ImVec2(0, 4));
    paragraph(e.title, theme::kText, fonts::faces().body_bold);
    std::string line = std::string(event_category_text(e.category));
    if (!e.sessions.empty()) line += " · " + e.sessions.front().date + " " + e.sessions.front().start;
    line += " · " + tr(S::EventAdminSeatsLeft, std::to_string(e.seats_left));
    paragraph(line, theme::kTextMuted);
  }
  card_end();
}

}  // namespace nx::ui
