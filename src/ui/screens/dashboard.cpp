// 统计 (staff): the numbers of their union and the unions below it, from the data on the device
// (so they work offline): members by trade and by union, requests by stage and by kind,
// overdue cases, this month's events and handouts, insurance places taken of the quota. Each
// table is a bar chart with its numbers beside the bars, and exports as CSV.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/device.h"
#include "app/phone.h"
#include "app/staff_dashboard.h"
#include "core/civil_time.h"
#include "core/membership/trades.h"
#include "ui/fonts.h"
#include "ui/screens/labels.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

std::string trade_text(const std::string& key) {
  const auto t = membership::parse_trade(key);
  return t ? std::string(tr(membership::trade_label(*t))) : key;
}

std::string stage_text(const std::string& state) {
  if (state == "cancelled") return std::string(tr(S::StatusCancelled));
  if (state == "reopened") return std::string(tr(S::StageReopened));
  return std::string(tr(kStages[stage_index(state)]));
}

// One bar per row: the label, a bar in proportion to the largest, and the number.
void bar_chart(const char* id, const std::vector<app::Count>& rows, std::string (*label_of)(const app::Count&)) {
  const fonts::Faces& f = fonts::faces();
  const float width = ImGui::CalcItemWidth();
  const float label_width = std::min(width * 0.38f, 150.0f);
  const float number_width = 56;
  const float bar_room = std::max(20.0f, width - label_width - number_width - 8);
  std::int64_t largest = 1;
  for (const app::Count& r : rows) largest = std::max(largest, r.value);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushID(id);
  for (const app::Count& r : rows) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float row_height = 30;
    std::string label = label_of(r);
    fonts::note_text(label);
    // Long union names are cut to the label column; the whole name is in the widget tree.
    const std::string shown = fit_line(label, f.small, f.small->FontSize, label_width - 4);
    dl->AddText(f.small, f.small->FontSize, ImVec2(min.x, min.y + 6), theme::kText, shown.c_str());
    const float bar = bar_room * static_cast<float>(r.value) / static_cast<float>(largest);
    const ImVec2 bar_min(min.x + label_width, min.y + 7);
    dl->AddRectFilled(bar_min, ImVec2(bar_min.x + bar_room, min.y + row_height - 7), theme::kAccentSoft, 3);
    if (bar > 0) dl->AddRectFilled(bar_min, ImVec2(bar_min.x + std::max(bar, 3.0f), min.y + row_height - 7), theme::kAccent, 3);
    const std::string number = std::to_string(r.value);
    dl->AddText(f.body_bold, f.small->FontSize, ImVec2(bar_min.x + bar_room + 8, min.y + 6), theme::kText, number.c_str());
    ImGui::Dummy(ImVec2(width, row_height));
    widget_tree::add_item(Role::Text, label + " " + number, min, ImVec2(min.x + width, min.y + row_height));
  }
  ImGui::PopID();
}

void export_button(app::AppState& state, const char* id, const std::vector<app::Count>& rows, const char* key_header) {
  if (button(id, tr(S::DashExportCsv), false) && state.device) {
    const std::string day = civil::format_date(civil::to_china_local(app::now_ms(state)).date);
    state.device->download(std::string("nuanxin-") + id + "-" + day + ".csv", "text/csv;charset=utf-8",
                           "\xEF\xBB\xBF" + app::counts_csv(rows, key_header));  // the BOM: Excel reads it as UTF-8
  }
}

// A big number with what it counts under it.
void figure(const std::string& value, S label, ImU32 color = theme::kText) {
  ImGui::BeginGroup();
  ImGui::PushFont(fonts::faces().title);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(value.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  paragraph(tr(label), theme::kTextMuted, fonts::faces().small);
  ImGui::EndGroup();
  widget_tree::add_item(Role::Text, std::string(tr(label)) + " " + value, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}
void figure(std::int64_t value, S label, ImU32 color = theme::kText) { figure(std::to_string(value), label, color); }

}  // namespace

void draw_dashboard(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (!records) return;
  heading(tr(S::DashTitle));
  paragraph(tr(S::DashIntro), theme::kTextMuted);
  // Counting every member and request is too much for each frame of a scroll: the figures are
  // kept until the records change, or the day in China does (what is overdue; this month).
  struct Kept {
    std::uint64_t revision = 0;
    std::string unit;
    std::int64_t day = -1;
    app::StaffDashboard figures;
  };
  static Kept kept;
  const std::int64_t now = app::now_ms(state);
  const std::int64_t day = civil::china_day(now);
  if (kept.revision != state.services->records_revision() || kept.unit != state.user_unit || kept.day != day)
    kept = {state.services->records_revision(), state.user_unit, day, app::staff_dashboard(*records, state.user_unit, now)};
  const app::StaffDashboard& d = kept.figures;

  card_begin("figures");
  const float column = ImGui::CalcItemWidth() / 2;
  const float left = ImGui::GetCursorPosX();
  figure(d.members_active, S::DashMembers);
  ImGui::SameLine(left + column);
  figure(d.applications_waiting, S::DashApplicationsWaiting, d.applications_waiting ? theme::kWarn : theme::kText);
  figure(d.requests_overdue, S::DashOverdue, d.requests_overdue ? theme::kAccent : theme::kText);
  ImGui::SameLine(left + column);
  figure(d.events_this_month, S::DashEventsThisMonth);
  figure(d.handouts_this_month, S::DashHandoutsThisMonth);
  ImGui::SameLine(left + column);
  figure(std::to_string(d.insurance_enrolled) + " / " + std::to_string(d.insurance_quota), S::DashInsurance);
  card_end();

  card_begin("by_trade");
  heading(tr(S::DashMembersByTrade));
  bar_chart("trade", d.members_by_trade, [](const app::Count& c) { return trade_text(c.key); });
  export_button(state, "members-by-trade", d.members_by_trade, "trade");
  card_end();

  card_begin("by_unit");
  heading(tr(S::DashMembersByUnit));
  bar_chart("unit", d.members_by_unit, [](const app::Count& c) { return c.label; });
  export_button(state, "members-by-unit", d.members_by_unit, "unit_id");
  card_end();

  card_begin("by_stage");
  heading(tr(S::DashRequestsByStage));
  bar_chart("stage", d.requests_by_stage, [](const app::Count& c) { return stage_text(c.key); });
  export_button(state, "requests-by-stage", d.requests_by_stage, "status");
  card_end();

  card_begin("by_kind");
  heading(tr(S::DashRequestsByKind));
  bar_chart("kind", d.requests_by_kind, [](const app::Count& c) { return std::string(category_text(c.key)); });
  export_button(state, "requests-by-kind", d.requests_by_kind, "category");
  card_end();
}

}  // namespace nx::ui
