#pragma once
// The browser's back button and address: each screen is a history entry ("#/stations"), and so
// is each page opened within it ("#/services/1": a request opened from 服务), so Android's back
// button and the browser's close the page, then go to the previous screen, instead of leaving
// the app; a link to "#/services" opens that screen; the page title follows the screen.
#include <functional>
#include <string>

namespace nx::platform {

// `go(screen, depth)` is called when the person goes back or forward (or opens a link to a
// screen): show `screen` with its pages closed down to `depth`. Returns the screen named in
// the address at start ("" if none).
std::string navigation_install(std::function<void(const std::string& screen, int depth)> go);

// After a frame: records a screen or page change as a history entry and sets the title.
void navigation_update(const std::string& screen, int depth, const std::string& title);

}  // namespace nx::platform
