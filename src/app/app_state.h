#pragma once
// What the app knows right now, independent of how it is drawn. The UI reads and changes it;
// the platform layer reports it to the page as window.nuanxin.state().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/locale.h"

namespace nx::app {

// The five places of the bottom tab bar.
enum class Tab { Home, Stations, Services, Events, Me };
inline constexpr Tab kAllTabs[] = {Tab::Home, Tab::Stations, Tab::Services, Tab::Events, Tab::Me};

// Stable names for tests and deep links ("#/stations").
std::string_view screen_name(Tab tab);
std::optional<Tab> tab_from_screen_name(std::string_view name);

struct SyncStatus {
  bool online = false;
  int pending_ops = 0;     // saved on this phone, not yet acknowledged by the server
  int rejected_ops = 0;    // refused by the server, waiting for the person to fix or discard
  std::string last_sync;   // ISO 8601 time of the last completed sync; empty if never

  bool operator==(const SyncStatus&) const = default;
};

struct AppState {
  Tab tab = Tab::Home;
  Locale locale = Locale::ZhCN;
  std::string user;        // display name of who is signed in; empty when nobody is
  std::string station_query;  // what the person typed into the station search
  SyncStatus sync;

  bool operator==(const AppState&) const = default;
};

// The window.nuanxin.state() contract of DESIGN.md.
nlohmann::json describe_state(const AppState& state, std::uint64_t frames_drawn);

}  // namespace nx::app
