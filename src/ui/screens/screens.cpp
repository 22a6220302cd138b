#include "ui/screens/screens.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
constexpr ScreenSpec kScreens[] = {
    {app::Tab::Home, S::TabHome, Icon::Home, draw_home},
    {app::Tab::Stations, S::TabStations, Icon::Station, draw_stations},
    {app::Tab::Services, S::TabServices, Icon::Services, draw_services},
    {app::Tab::Events, S::TabEvents, Icon::Events, draw_events},
    {app::Tab::Me, S::TabMe, Icon::Me, draw_me},
};
}  // namespace

std::span<const ScreenSpec> screens() { return kScreens; }

void draw_placeholder(S title, S intro, S coming, Icon icon) {
  heading(tr(title));
  paragraph(tr(intro), theme::kTextMuted);
  card_begin("coming");
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + 22, p.y + 22), 22, theme::kAccentSoft);
  draw_icon(ImGui::GetWindowDrawList(), icon, ImVec2(p.x + 22, p.y + 22), 24, theme::kAccent);
  ImGui::Dummy(ImVec2(44, 44));
  chip(tr(S::ComingSoon), theme::kWarn, theme::kWarnSoft);
  paragraph(tr(coming));
  card_end();
}

void draw_events(app::AppState&) {
  draw_placeholder(S::EventsTitle, S::EventsIntro, S::EventsComing, Icon::Events);
}

}  // namespace nx::ui
