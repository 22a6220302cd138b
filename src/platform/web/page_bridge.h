#pragma once
// What the page sees of the app: window.nuanxin.widgets() / state() (DESIGN.md contracts),
// the browser's online state, and the moment the first frame is on screen.
#include <functional>
#include <string>

namespace nx::platform {

struct PageBridgeSources {
  std::function<std::string()> widgets_json;
  std::function<std::string()> state_json;
  std::function<void(bool online)> set_online;
};

void page_bridge_install(PageBridgeSources sources);

// Hides the loading screen of the page shell.
void page_bridge_first_frame();

}  // namespace nx::platform
