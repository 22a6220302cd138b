#include "platform/web/navigation.h"

#include <emscripten.h>

#include "platform/web/frame_loop.h"

namespace nx::platform {

namespace {
std::function<void(const std::string&)> g_go;
std::string g_shown;
}  // namespace

// Back, forward or a link: the address already names the screen, so the update after the next
// frame only sets the title (it pushes nothing when the address matches).
extern "C" EMSCRIPTEN_KEEPALIVE void nx_navigate(const char* screen) {
  if (g_go) g_go(screen);
  request_frames();
}

// clang-format off
EM_JS(char*, nx_js_navigation_install, (), {
  // "#/stations" -> "stations" (no regex with slashes: this text passes through the C preprocessor).
  var screenOf = function(hash) { return hash.indexOf('#/') === 0 ? hash.slice(2).replace(/[^a-z]/g, "") : ""; };
  window.addEventListener('popstate', function() {
    var screen = screenOf(location.hash) || 'home';
    var n = lengthBytesUTF8(screen) + 1, p = _malloc(n);
    stringToUTF8(screen, p, n);
    _nx_navigate(p);
    _free(p);
  });
  var start = screenOf(location.hash);
  var n = lengthBytesUTF8(start) + 1, p = _malloc(n);
  stringToUTF8(start, p, n);
  return p;
});

EM_JS(void, nx_js_navigation_update, (const char* screen_ptr, const char* title_ptr, int push), {
  var screen = UTF8ToString(screen_ptr);
  document.title = UTF8ToString(title_ptr);
  var hash = '#/' + screen;
  if (location.hash === hash) return;
  if (push) history.pushState({screen: screen}, "", hash);
  else history.replaceState({screen: screen}, "", hash);
});
// clang-format on

std::string navigation_install(std::function<void(const std::string&)> go) {
  g_go = std::move(go);
  char* start = nx_js_navigation_install();
  std::string screen = start ? start : "";
  free(start);
  return screen;
}

void navigation_update(const std::string& screen, const std::string& title) {
  if (screen == g_shown) return;
  // The first screen replaces the entry the page was opened with; later ones are new entries.
  const bool push = !g_shown.empty();
  g_shown = screen;
  nx_js_navigation_update(screen.c_str(), title.c_str(), push ? 1 : 0);
}

}  // namespace nx::platform
