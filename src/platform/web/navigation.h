#pragma once
// The browser's back button and address: each screen is a history entry ("#/stations"), so
// Android's back button and the browser's go to the previous screen instead of leaving the
// app; a link to "#/services" opens that screen; the page title follows the screen.
#include <functional>
#include <string>

namespace nx::platform {

// `go(screen)` is called when the person goes back or forward (or opens a link to a screen).
// Returns the screen named in the address at start ("" if none).
std::string navigation_install(std::function<void(const std::string& screen)> go);

// After a frame: records a screen change as a new history entry and sets the title.
void navigation_update(const std::string& screen, const std::string& title);

}  // namespace nx::platform
