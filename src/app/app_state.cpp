#include "app/app_state.h"

#include "core/version.h"

namespace nx::app {

namespace {
struct TabName {
  Tab tab;
  std::string_view name;
};
constexpr TabName kTabNames[] = {
    {Tab::Home, "home"}, {Tab::Stations, "stations"}, {Tab::Services, "services"},
    {Tab::Events, "events"}, {Tab::Me, "me"}, {Tab::Inbox, "inbox"}, {Tab::Enrol, "enrol"},
    {Tab::Visits, "visits"}, {Tab::Check, "check"}, {Tab::Dashboard, "dashboard"}};
}  // namespace

std::string_view screen_name(Tab tab) {
  for (const auto& t : kTabNames)
    if (t.tab == tab) return t.name;
  return "home";
}

std::optional<Tab> tab_from_screen_name(std::string_view name) {
  for (const auto& t : kTabNames)
    if (t.name == name) return t.tab;
  return std::nullopt;
}

Actor signed_in_actor(const AppState& state) {
  return Actor{state.user_id, parse_role(state.user_role).value_or(Role::Worker), state.user_unit, state.user_provider};
}

nlohmann::json describe_state(const AppState& state, std::uint64_t frames_drawn) {
  nlohmann::json user = nullptr;
  if (!state.user.empty()) user = state.user;
  nlohmann::json last_sync = nullptr;
  if (!state.sync.last_sync.empty()) last_sync = state.sync.last_sync;
  return {
      {"screen", screen_name(state.tab)},
      {"user", user},
      {"online", state.sync.online},
      {"pending_ops", state.sync.pending_ops},
      {"rejected_ops", state.sync.rejected_ops},
      {"last_sync", last_sync},
      {"frames_drawn", frames_drawn},
      {"version", app_version()},
      {"locale", locale_tag(state.locale)},
      {"signed_in", state.sync.signed_in},
      {"needs_sign_in", state.sync.needs_sign_in},
      {"saving", state.sync.saving},
      {"records", state.records_on_phone},
      {"reading_store", state.loading_progress >= 0},
      {"rewriting_store", state.sync.rewriting},
      {"update_available", state.update_available},
      {"storage", {{"used", state.storage_used}, {"persisted", state.storage_persisted}}},
  };
}

}  // namespace nx::app
