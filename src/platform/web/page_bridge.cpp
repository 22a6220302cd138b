#include "platform/web/page_bridge.h"

#include <emscripten.h>

#include "platform/web/frame_loop.h"

#ifdef NUANXIN_TEST_HOOKS
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/sync/record_block.h"
#endif

namespace nx::platform {

namespace {
PageBridgeSources g_sources;
std::string g_buffer;  // holds the last answer until JS has copied it
}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* nx_widgets_json() {
  g_buffer = g_sources.widgets_json();
  return g_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* nx_state_json() {
  g_buffer = g_sources.state_json();
  return g_buffer.c_str();
}

#ifdef NUANXIN_TEST_HOOKS
EMSCRIPTEN_KEEPALIVE const char* nx_save(const char* changes_json) {
  g_buffer = g_sources.save(changes_json);
  request_frames();
  return g_buffer.c_str();
}

// The stored forms of a block's records (a JSON array), null when the bytes are not a block.
EMSCRIPTEN_KEEPALIVE const char* nx_block_forms(const char* bytes, int size) {
  std::vector<sync::Record> records;
  nlohmann::json forms = nlohmann::json::array();
  if (sync::decode_block(std::string_view(bytes, static_cast<std::size_t>(size)), records))
    for (const sync::Record& r : records) forms.push_back(r.to_json());
  else
    forms = nullptr;
  g_buffer = forms.dump();
  return g_buffer.c_str();
}
#endif

EMSCRIPTEN_KEEPALIVE void nx_set_online(int online) {
  g_sources.set_online(online != 0);
  request_frames();
}
}

// clang-format off
EM_JS(void, nx_js_install_bridge, (), {
  window.nuanxin = {
    widgets: function() { return JSON.parse(UTF8ToString(Module._nx_widgets_json())); },
    state: function() { return JSON.parse(UTF8ToString(Module._nx_state_json())); },
  };
  var report = function() { Module._nx_set_online(navigator.onLine ? 1 : 0); };
  window.addEventListener('online', report);
  window.addEventListener('offline', report);
  report();
});

EM_JS(void, nx_js_saved, (), {
  window.dispatchEvent(new Event('nuanxin-saved'));
});

EM_JS(void, nx_js_first_frame, (), {
  document.documentElement.classList.add('nx-ready');
  window.dispatchEvent(new Event('nuanxin-ready'));
});

#ifdef NUANXIN_TEST_HOOKS
EM_JS(void, nx_js_install_test_hooks, (), {
  window.nuanxin.save = function(changes) {
    var text = JSON.stringify(changes), n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    var error = UTF8ToString(Module._nx_save(p));
    _free(p);
    return error;
  };
  // What a stored block holds, as the forms of its records: the bytes of this version's blocks
  // decoded by the app's own reader, an earlier version's JSON text parsed.
  window.nuanxin.blockForms = function(value) {
    if (typeof value === 'string') return JSON.parse(value);
    var p = _malloc(value.length);
    HEAPU8.set(value, p);
    var text = UTF8ToString(Module._nx_block_forms(p, value.length));
    _free(p);
    return JSON.parse(text);
  };
});
#endif
// clang-format on

void page_bridge_install(PageBridgeSources sources) {
  g_sources = std::move(sources);
  nx_js_install_bridge();
#ifdef NUANXIN_TEST_HOOKS
  nx_js_install_test_hooks();
#endif
}

void page_bridge_saved() { nx_js_saved(); }

void page_bridge_first_frame() { nx_js_first_frame(); }

}  // namespace nx::platform
