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
  bool signed_in = false;
  bool needs_sign_in = false;  // the session expired: changes wait until the person signs in
  bool server_unreachable = false;
  int saving = 0;          // changes not yet committed to this phone's storage
  int pending_ops = 0;     // saved on this phone, not yet acknowledged by the server
  int rejected_ops = 0;    // refused by the server, waiting for the person to fix or discard
  std::string last_sync;   // ISO 8601 time of the last completed sync; empty if never

  bool operator==(const SyncStatus&) const = default;
};

// The sign-in card on 我的.
struct SignInForm {
  bool registering = false;  // new here: also asks for a name
  bool staff = false;        // a union staff member: username and password instead
  std::string phone, pin, name, username, password;
  bool busy = false;
  std::string error;         // the last refusal, in the current language
  bool operator==(const SignInForm&) const = default;
};

class PhoneServices;

struct AppState {
  Tab tab = Tab::Home;
  Locale locale = Locale::ZhCN;
  std::string user;        // display name of who is signed in; empty when nobody is
  std::string station_query;  // what the person typed into the station search
  std::string user_id, user_role, user_unit;
  SignInForm sign_in;
  std::string request_text;  // the legal question being written on 服务
  std::string notice;        // a short message after an action ("已保存在本机")
  int records_on_phone = 0;
  int loading_progress = -1; // records read from storage while opening; -1 when done
  bool update_available = false;  // a new version is downloaded and waits for the person
  std::int64_t storage_used = -1;  // bytes this app keeps on the phone; -1 unknown
  int storage_persisted = -1;      // 1: the browser keeps it even when space runs low; 0: it may not; -1 unknown
  PhoneServices* services = nullptr;  // carried out by the platform; null in tests
  SyncStatus sync;

  bool operator==(const AppState&) const = default;
};

// The window.nuanxin.state() contract of DESIGN.md.
nlohmann::json describe_state(const AppState& state, std::uint64_t frames_drawn);

}  // namespace nx::app
