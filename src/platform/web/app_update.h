#pragma once
// Offline start and updates: registers the service worker (web/sw.js), reports when a new
// version has been downloaded and waits, and switches to it only when the person says so.
#include <functional>

namespace nx::platform {

void app_update_install(std::function<void()> update_ready);
// The person chose to update: the waiting version takes over and the page reloads.
void app_update_apply();

}  // namespace nx::platform
