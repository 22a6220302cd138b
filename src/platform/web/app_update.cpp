#include "platform/web/app_update.h"

#include <emscripten.h>

#include "platform/web/frame_loop.h"

namespace nx::platform {

namespace {
std::function<void()> g_ready;
}

extern "C" EMSCRIPTEN_KEEPALIVE void nx_update_ready() {
  if (g_ready) g_ready();
  request_frames();
}

// clang-format off
EM_JS(void, nx_js_update_install, (), {
  if (!('serviceWorker' in navigator)) return;  // plain http on a LAN address: no offline start
  var ready = function(reg) { if (reg.waiting && navigator.serviceWorker.controller) _nx_update_ready(); };
  navigator.serviceWorker.register('sw.js').then(function(reg) {
    Module.nxSw = reg;
    ready(reg);
    reg.addEventListener('updatefound', function() {
      var w = reg.installing;
      if (w) w.addEventListener('statechange', function() { if (w.state === 'installed') ready(reg); });
    });
  }).catch(function(e) { console.warn('service worker not registered', e); });
  var reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', function() {
    if (Module.nxUpdating && !reloading) { reloading = true; location.reload(); }
  });
});

EM_JS(void, nx_js_update_apply, (), {
  var reg = Module.nxSw;
  if (!reg || !reg.waiting) { location.reload(); return; }
  Module.nxUpdating = true;
  reg.waiting.postMessage('activate-update');
});
// clang-format on

void app_update_install(std::function<void()> update_ready) {
  g_ready = std::move(update_ready);
  nx_js_update_install();
}

void app_update_apply() { nx_js_update_apply(); }

}  // namespace nx::platform
