#include "ui/screens/screens.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
constexpr ScreenSpec kWorkerScreens[] = {
    {app::Tab::Home, S::TabHome, Icon::Home, draw_home},
    {app::Tab::Stations, S::TabStations, Icon::Station, draw_stations},
    {app::Tab::Services, S::TabServices, Icon::Services, draw_services},
    {app::Tab::Events, S::TabEvents, Icon::Events, draw_events},
    {app::Tab::Me, S::TabMe, Icon::Me, draw_me},
};
// Union staff work from their unit's to-do list; 我的 is the same for everyone.
constexpr ScreenSpec kStaffScreens[] = {
    {app::Tab::Inbox, S::TabInbox, Icon::Inbox, draw_inbox},
    {app::Tab::Enrol, S::TabEnrol, Icon::Join, draw_enrol},
    {app::Tab::Visits, S::TabVisits, Icon::Visit, draw_visits},
    {app::Tab::Check, S::TabCheck, Icon::Services, draw_check},
    {app::Tab::Dashboard, S::TabDashboard, Icon::Chart, draw_dashboard},
    {app::Tab::Me, S::TabMe, Icon::Me, draw_me},
};
}  // namespace

std::span<const ScreenSpec> screens(const app::AppState& state) {
  if (app::is_staff(state)) return kStaffScreens;
  return kWorkerScreens;
}

}  // namespace nx::ui
