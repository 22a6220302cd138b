// 走访 (staff): logging a visit to an enterprise (主席大走访), a ride-along (跟车调研) or a survey
// (六个一), offline, with each thing the workers raised (急难愁盼) as its own item and the
// follow-ups with their due dates; the quarter's coverage of the unit's enterprises; the
// latest visits with what is still open.
#include <string>

#include "app/pages.h"
#include "app/device.h"
#include "app/field_visit.h"
#include "app/phone.h"
#include "core/civil_time.h"
#include "core/fieldwork/coverage.h"
#include "core/membership/unit.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

struct Named {
  const char* name;
  S label;
};
constexpr Named kTypes[] = {{"enterprise_visit", S::VisitTypeEnterprise}, {"ride_along", S::VisitTypeRideAlong}, {"survey", S::VisitTypeSurvey}};
constexpr Named kConcerns[] = {{"pay", S::ConcernPay},             {"safety", S::ConcernSafety}, {"rest", S::ConcernRest},
                               {"insurance", S::ConcernInsurance}, {"other", S::ConcernOther}};

std::string_view type_text(const std::string& type) {
  for (const Named& t : kTypes)
    if (type == t.name) return tr(t.label);
  return type;
}

// 本季度走访覆盖: visited of all, a bar, and who is still to be visited.
void coverage(const app::AppState& state, const sync::RecordSource& records) {
  const std::string quarter = fieldwork::quarter_of(civil::to_china_local(app::now_ms(state)).date);
  const auto result = fieldwork::quarter_coverage(state.user_unit, quarter, records);
  if (!result) return;
  const fieldwork::QuarterCoverage* c = &result.value();
  const std::size_t visited = c->visited.size(), all = visited + c->not_visited.size();
  if (all == 0) return;
  card_begin("coverage");
  paragraph(tr(S::CoverageTitle, quarter), theme::kTextMuted, fonts::faces().small);
  paragraph(tr(S::CoverageCount, std::to_string(visited) + " / " + std::to_string(all)), theme::kText, fonts::faces().body_bold);
  const float width = ImGui::CalcItemWidth();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, ImVec2(min.x + width, min.y + 10), theme::kAccentSoft, 5);
  if (visited > 0) dl->AddRectFilled(min, ImVec2(min.x + width * visited / all, min.y + 10), theme::kAccent, 5);
  ImGui::Dummy(ImVec2(width, 16));
  if (!c->not_visited.empty()) {
    std::string names;
    for (std::size_t i = 0; i < c->not_visited.size() && i < 8; ++i) names += (i ? std::string(tr(S::ListSeparator)) : std::string()) + c->not_visited[i].name;
    if (c->not_visited.size() > 8) names += tr(S::CoverageMore, std::to_string(c->not_visited.size()));
    paragraph(std::string(tr(S::CoverageNotYet)) + names, theme::kTextMuted);
  }
  card_end();
}

void recent(const app::AppState& state, const sync::RecordSource& records) {
  const auto visits = app::recent_visits(records, membership::units_from(records), state.user_unit, 20);
  card_begin("recent");
  heading(tr(S::VisitsRecent));
  if (visits.empty()) paragraph(tr(S::VisitsNone), theme::kTextMuted);
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const sync::Record& v = *visits[i].visit;
    if (i > 0) ImGui::Dummy(ImVec2(0, 6));
    paragraph(v.str("date") + " · " + std::string(type_text(v.str("type"))), theme::kTextMuted, fonts::faces().small);
    paragraph(v.str("type") == "ride_along" ? v.str("route") : v.str("enterprise_name"), theme::kText, fonts::faces().body_bold);
    std::string line = tr(S::VisitItemsRaised, std::to_string(visits[i].items));
    if (visits[i].follow_ups_open > 0) line += " · " + tr(S::VisitFollowUpsOpen, std::to_string(visits[i].follow_ups_open));
    paragraph(line, visits[i].follow_ups_open > 0 ? theme::kWarn : theme::kTextMuted);
    if (state.services->unsynced(v.kind, v.id)) chip(tr(S::StatusWaiting), theme::kWarn, theme::kWarnSoft);
  }
  card_end();
}

void where(app::VisitForm& form, const app::AppState& state, const sync::RecordSource& records) {
  if (form.type == "ride_along") {
    if (text_field("route", tr(S::VisitRoute), tr(S::VisitRouteHint), form.route, Keyboard::Text, 200)) clear_error(form.errors, "route");
    field_error(form.errors, "route");
    return;
  }
  form_label(S::VisitEnterprise);
  bool first = true;
  for (const app::Enterprise& e : app::enterprises(records, membership::units_from(records), state.user_unit)) {
    if (choice_chip(e.unit_id.c_str(), e.name, form.enterprise_unit_id == e.unit_id, first)) {
      form.enterprise_unit_id = form.enterprise_unit_id == e.unit_id ? "" : e.unit_id;
      form.enterprise_name.clear();
      clear_error(form.errors, "enterprise");
    }
    first = false;
  }
  if (text_field("enterprise_name", tr(S::VisitEnterpriseOther), tr(S::VisitEnterpriseHint), form.enterprise_name, Keyboard::Text, 100)) {
    form.enterprise_unit_id.clear();
    clear_error(form.errors, "enterprise");
  }
  field_error(form.errors, "enterprise");
}

void raised_items(app::VisitForm& form) {
  card_begin("items");
  heading(tr(S::VisitItemsTitle));
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    text_field("text", tr(S::VisitItemN, std::to_string(i + 1)), tr(S::VisitItemHint), form.items[i].text, Keyboard::Text, 500);
    bool first = true;
    for (const Named& c : kConcerns) {
      if (choice_chip(c.name, tr(c.label), form.items[i].category == c.name, first)) form.items[i].category = c.name;
      first = false;
    }
    ImGui::PopID();
  }
  if (form.items.size() < 20 && link_button("more_items", tr(S::VisitAddItem))) form.items.push_back({});
  card_end();
}

void follow_ups(app::VisitForm& form) {
  card_begin("follow_ups");
  heading(tr(S::VisitFollowUpsTitle));
  paragraph(tr(S::VisitFollowUpsIntro), theme::kTextMuted, fonts::faces().small);
  for (std::size_t i = 0; i < form.follow_ups.size(); ++i) {
    app::FollowUpDraft& f = form.follow_ups[i];
    const std::string key = "follow_up." + std::to_string(i);
    ImGui::PushID(static_cast<int>(i));
    if (text_field("action", tr(S::VisitFollowUpN, std::to_string(i + 1)), tr(S::VisitFollowUpHint), f.action, Keyboard::Text, 500))
      clear_error(form.errors, key.c_str());
    text_field("who", tr(S::VisitFollowUpWho), tr(S::VisitFollowUpWhoHint), f.assignee, Keyboard::Text, 40);
    if (text_field("due", tr(S::RequestDue), "2026-07-15", f.due_date, Keyboard::Numeric, 10)) clear_error(form.errors, key.c_str());
    // Which raised item it answers, if any.
    bool first = true;
    for (std::size_t k = 0; k < form.items.size(); ++k) {
      if (form.items[k].text.empty()) continue;
      ImGui::PushID(static_cast<int>(k));
      if (choice_chip("item", tr(S::VisitAnswersItem, std::to_string(k + 1)), f.item == static_cast<int>(k), first))
        f.item = f.item == static_cast<int>(k) ? -1 : static_cast<int>(k);
      ImGui::PopID();
      first = false;
    }
    field_error(form.errors, key.c_str());
    ImGui::PopID();
  }
  if (form.follow_ups.size() < 20 && link_button("more_follow_ups", tr(S::VisitAddFollowUp)))
    form.follow_ups.push_back({"", form.follow_ups.empty() ? form.date : form.follow_ups.back().due_date, -1, ""});
  card_end();
}

void save(app::AppState& state, const sync::RecordSource& records) {
  app::VisitForm& form = state.visit;
  const Actor staff{state.user_id, state.user_role == "admin" ? nx::Role::Admin : nx::Role::Staff, state.user_unit, ""};
  auto plan = app::plan_visit(form, staff, records, [&] { return state.services->new_id(); });
  if (!save_plan(state, plan.changes, plan.errors, form.errors)) return;
  form = app::VisitForm{};
  app::close_page(state);
  state.notice = S::VisitSaved;
}

void visit_form(app::AppState& state, const sync::RecordSource& records) {
  app::VisitForm& form = state.visit;
  if (link_button("back", tr(S::VisitBack))) return app::close_page(state);
  heading(tr(S::VisitNew));
  card_begin("what");
  std::string_view labels[std::size(kTypes)];
  int current = 0;
  for (std::size_t i = 0; i < std::size(kTypes); ++i) {
    labels[i] = tr(kTypes[i].label);
    if (form.type == kTypes[i].name) current = static_cast<int>(i);
  }
  if (const int tapped = segmented("type", labels, static_cast<int>(std::size(kTypes)), current); tapped >= 0)
    form.type = kTypes[tapped].name;
  where(form, state, records);
  if (text_field("date", tr(S::VisitDate), "2026-07-01", form.date, Keyboard::Numeric, 10)) clear_error(form.errors, "date");
  field_error(form.errors, "date");
  if (text_field("workers_met", tr(S::VisitWorkersMet), "", form.workers_met, Keyboard::Numeric, 6)) clear_error(form.errors, "workers_met");
  field_error(form.errors, "workers_met");
  text_field("summary", tr(S::VisitSummary), tr(S::VisitSummaryHint), form.summary, Keyboard::Text, 1000);
  card_end();
  raised_items(form);
  follow_ups(form);
  field_error(form.errors, "form");
  if (button("save", tr(S::VisitSave))) save(state, records);
}

}  // namespace

void draw_visits(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (!records) return;
  if (app::showing(state, app::PageKind::Visit)) return visit_form(state, *records);
  heading(tr(S::VisitsTitle));
  paragraph(tr(S::VisitsIntro), theme::kTextMuted);
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kOk);
  if (button("new", tr(S::VisitNew))) {
    state.visit = app::new_visit_form(app::now_ms(state));
    app::open_page(state, app::PageKind::Visit);
    state.notice = {};
  }
  coverage(state, *records);
  recent(state, *records);
}

}  // namespace nx::ui
