#include "ui/app_ui.h"

#include <algorithm>

#include "app/pages.h"
#include "app/phone.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

constexpr ImGuiWindowFlags kPlainWindow =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNavFocus;

void draw_header(const app::AppState& state, ImVec2 min, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(min.x + width, min.y + theme::kHeaderHeight);
  dl->AddRectFilled(min, max, theme::kSurface);
  dl->AddLine(ImVec2(min.x, max.y - 0.5f), ImVec2(max.x, max.y - 0.5f), theme::kBorder);

  ImGui::SetCursorScreenPos(ImVec2(min.x + theme::kPadding, min.y + 14));
  ImGui::PushFont(fonts::faces().title);
  const std::string_view name = tr(S::AppName);
  ImGui::TextUnformatted(name.data(), name.data() + name.size());
  ImGui::PopFont();
  widget_tree::add_item(Role::Heading, name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());

  // The connection state and what waits to be sent, always visible: the person must know
  // whether their work is reaching the union.
  const auto chip_width = [](std::string_view text) {
    ImGui::PushFont(fonts::faces().small);
    const float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x + 20;
    ImGui::PopFont();
    return w;
  };
  const std::string_view status = tr(state.sync.online ? S::Online : S::Offline);
  float right = max.x - theme::kPadding - chip_width(status);
  ImGui::SetCursorScreenPos(ImVec2(right, min.y + 15));
  chip(status, state.sync.online ? theme::kOk : theme::kWarn,
       state.sync.online ? theme::kOkSoft : theme::kWarnSoft);
  const int waiting = state.sync.pending_ops + state.sync.rejected_ops;
  if (waiting > 0) {
    const std::string text = std::to_string(waiting) + " " + std::string(tr(S::HeaderWaiting));
    right -= chip_width(text) + 8;
    ImGui::SetCursorScreenPos(ImVec2(right, min.y + 15));
    chip(text, theme::kWarn, theme::kWarnSoft);
  }
}

void draw_tab_bar(app::AppState& state, ImVec2 min, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(min.x + width, ImGui::GetIO().DisplaySize.y);
  dl->AddRectFilled(min, max, theme::kSurface);
  dl->AddLine(ImVec2(min.x, min.y + 0.5f), ImVec2(max.x, min.y + 0.5f), theme::kBorder);
  const auto specs = screens(state);
  const float tab_width = width / static_cast<float>(specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const ScreenSpec& spec = specs[i];
    ImGui::SetCursorScreenPos(ImVec2(min.x + i * tab_width, min.y));
    ImGui::PushID(static_cast<int>(i));
    if (tab_button("tab", tr(spec.label), spec.icon, state.tab == spec.tab, ImVec2(tab_width, theme::kTabBarHeight)))
      app::select_tab(state, spec.tab);
    ImGui::PopID();
  }
}

// A new version is ready: offered, never forced (a form may be half filled).
void draw_update_banner(app::AppState& state) {
  card_begin("update");
  paragraph(tr(S::UpdateReady));
  if (button("update", tr(S::UpdateNow), true) && state.services) state.services->apply_update();
  card_end();
}

void draw_content(app::AppState& state, ImVec2 min, ImVec2 size) {
  ImGui::SetCursorScreenPos(min);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::kPadding, theme::kPadding));
  // One scroll position per tab and depth of its page stack: switching tabs back, or closing a
  // page, returns to where the person was. A page opened anew at a depth (another serial than
  // the one last drawn there) starts at its top. Windows are per depth, not per opening, so a
  // day of opening pages does not leave a window behind for each.
  ImGui::PushID(static_cast<int>(state.tab));
  ImGui::PushID(app::page_depth(state));
  const app::Page* page = app::top_page(state);
  const int serial = static_cast<int>(page ? page->serial : 0);
  ImGuiStorage* drawn = ImGui::GetStateStorage();
  const ImGuiID drawn_key = ImGui::GetID("serial");
  if (drawn->GetInt(drawn_key, -1) != serial) {
    ImGui::SetNextWindowScroll(ImVec2(0, 0));
    drawn->SetInt(drawn_key, serial);
  }
  ImGui::BeginChild("content", size, ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  sharpen_current_window();
  // On a tablet or laptop the column stays readable instead of stretching across the screen.
  const float column = std::min(ImGui::GetContentRegionAvail().x, theme::kMaxContentWidth);
  const float indent = (ImGui::GetContentRegionAvail().x - column) / 2;
  if (indent > 0) ImGui::Indent(indent);
  ImGui::PushItemWidth(column);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
  if (state.update_available) draw_update_banner(state);
  for (const ScreenSpec& spec : screens(state))
    if (spec.tab == state.tab) spec.draw(state);
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  if (indent > 0) ImGui::Unindent(indent);
  ImGui::Dummy(ImVec2(0, theme::kPadding));
  ImGui::EndChild();
  ImGui::PopID();
  ImGui::PopID();
}

}  // namespace

void init(float pixel_ratio) {
  theme::apply(pixel_ratio);
  fonts::load(pixel_ratio);
}

std::string screen_title(const app::AppState& state) {
  set_locale(state.locale);
  for (const ScreenSpec& spec : screens(state))
    if (spec.tab == state.tab) return std::string(tr(spec.label)) + " · " + std::string(tr(S::AppName));
  return std::string(tr(S::AppName));
}

void draw_app(app::AppState& state) {
  set_locale(state.locale);
  // Signing in or out changes the tabs: a tab that is not among them gives way to the first.
  const auto specs = screens(state);
  if (std::none_of(specs.begin(), specs.end(), [&](const ScreenSpec& s) { return s.tab == state.tab; }))
    state.tab = specs.front().tab;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("nuanxin", nullptr, kPlainWindow | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  sharpen_current_window();

  const float width = io.DisplaySize.x;
  const float content_top = theme::kHeaderHeight;
  const float tab_top = io.DisplaySize.y - theme::kTabBarHeight;
  draw_content(state, ImVec2(0, content_top), ImVec2(width, std::max(0.0f, tab_top - content_top)));
  draw_header(state, ImVec2(0, 0), width);
  draw_tab_bar(state, ImVec2(0, tab_top), width);
  ImGui::End();
}

}  // namespace nx::ui
