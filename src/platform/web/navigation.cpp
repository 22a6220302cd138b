#include "platform/web/navigation.h"

#include <emscripten.h>

#include "platform/web/frame_loop.h"

namespace nx::platform {

namespace {
std::function<void(const std::string&, int)> g_go;
std::string g_shown;  // "screen/depth" last recorded
}  // namespace

// Back, forward or a link: the address already names the screen, so the update after the next
// frame only sets the title (it pushes nothing when the address matches).
extern "C" EMSCRIPTEN_KEEPALIVE void nx_navigate(const char* screen, int depth) {
  if (g_go) g_go(screen, depth);
  request_frames();
}

// clang-format off
EM_JS(char*, nx_js_navigation_install, (), {
  // "#/services/1" -> ["services", 1] (no regex with slashes: this text passes through the C preprocessor).
  var parse = function(hash) {
    if (hash.indexOf('#/') !== 0) return ["", 0];
    var parts = hash.slice(2).split(String.fromCharCode(47));
    return [parts[0].replace(/[^a-z]/g, ""), parseInt(parts[1], 10) || 0];
  };
  window.addEventListener('popstate', function() {
    var at = parse(location.hash);
    var screen = at[0] || 'home';
    var n = lengthBytesUTF8(screen) + 1, p = _malloc(n);
    stringToUTF8(screen, p, n);
    _nx_navigate(p, at[1]);
    _free(p);
  });
  var start = parse(location.hash)[0];
  var n = lengthBytesUTF8(start) + 1, p = _malloc(n);
  stringToUTF8(start, p, n);
  return p;
});

EM_JS(void, nx_js_navigation_update, (const char* screen_ptr, int depth, const char* title_ptr, int push), {
  var screen = UTF8ToString(screen_ptr);
  document.title = UTF8ToString(title_ptr);
  var hash = '#/' + screen + (depth > 0 ? String.fromCharCode(47) + depth : "");
  if (location.hash === hash) return;
  var here = history.state || {};
  // The app closed a page itself (its back link): step back onto the entry it was opened
  // from, so the back button does not seem to do nothing there later.
  if (push && here.screen === screen && here.below === depth) { history.back(); return; }
  var entry = {screen: screen, depth: depth, below: here.screen === screen && depth > (here.depth || 0) ? (here.depth || 0) : -1};
  if (push && !(here.screen === screen && depth < (here.depth || 0))) history.pushState(entry, "", hash);
  else history.replaceState(entry, "", hash);
});
// clang-format on

std::string navigation_install(std::function<void(const std::string&, int)> go) {
  g_go = std::move(go);
  char* start = nx_js_navigation_install();
  std::string screen = start ? start : "";
  free(start);
  return screen;
}

void navigation_update(const std::string& screen, int depth, const std::string& title) {
  const std::string shown = screen + "/" + std::to_string(depth);
  if (shown == g_shown) return;
  // The first screen replaces the entry the page was opened with; later ones are new entries.
  const bool push = !g_shown.empty();
  g_shown = shown;
  nx_js_navigation_update(screen.c_str(), depth, title.c_str(), push ? 1 : 0);
}

}  // namespace nx::platform
