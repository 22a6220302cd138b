#include "app/app_state.h"

#include <doctest/doctest.h>

#include <set>

using namespace nx::app;

TEST_CASE("every tab has a unique screen name that maps back to it") {
  std::set<std::string_view> names;
  for (Tab tab : kAllTabs) {
    const auto name = screen_name(tab);
    CHECK_FALSE(name.empty());
    CHECK(names.insert(name).second);
    CHECK(tab_from_screen_name(name) == tab);
  }
  CHECK_FALSE(tab_from_screen_name("nowhere").has_value());
}

TEST_CASE("describe_state follows the window.nuanxin.state() contract") {
  AppState state;
  state.tab = Tab::Stations;
  state.sync.online = true;
  state.sync.pending_ops = 3;
  const auto j = describe_state(state, 17);
  for (const char* key : {"screen", "user", "online", "pending_ops", "rejected_ops", "last_sync", "frames_drawn", "version"})
    CHECK_MESSAGE(j.contains(key), key);
  CHECK(j["screen"] == "stations");
  CHECK(j["user"].is_null());
  CHECK(j["online"] == true);
  CHECK(j["pending_ops"] == 3);
  CHECK(j["frames_drawn"] == 17);
  CHECK(j["last_sync"].is_null());

  state.user = "王师傅";
  state.sync.last_sync = "2026-11-29T10:00:00Z";
  const auto k = describe_state(state, 18);
  CHECK(k["user"] == "王师傅");
  CHECK(k["last_sync"] == "2026-11-29T10:00:00Z");
}
