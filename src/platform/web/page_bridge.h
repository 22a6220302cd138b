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
  // window.nuanxin.save(change or [changes]): "" when saved on the phone, else why not. Only
  // in builds made for tests and benchmarks (NUANXIN_TEST_HOOKS); unused elsewhere.
  std::function<std::string(const std::string& changes_json)> save;
};

void page_bridge_install(PageBridgeSources sources);

// Tells the page that a change the person made is now committed to storage (the
// "nuanxin-saved" event): what a benchmark times, and what a test can wait for.
void page_bridge_saved();

// Hides the loading screen of the page shell.
void page_bridge_first_frame();

}  // namespace nx::platform
