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

}  // namespace nx::ui
