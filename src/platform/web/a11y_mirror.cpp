#include "platform/web/a11y_mirror.h"

#include <emscripten.h>
#include <imgui.h>

#include "platform/web/frame_loop.h"
#include "platform/web/ui_scale.h"

namespace nx::platform {

// A tap at (x, y) in CSS px, as a finger would make it.
extern "C" EMSCRIPTEN_KEEPALIVE void nx_a11y_tap(float x, float y) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(css_to_ui(x), css_to_ui(y));
  io.AddMouseButtonEvent(0, true);
  io.AddMouseButtonEvent(0, false);
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  request_frames(4);
}

// clang-format off
EM_JS(void, nx_js_a11y_install, (const char* label), {
  var root = document.createElement('div');
  root.id = 'nx-a11y';
  root.setAttribute('role', 'application');
  root.setAttribute('aria-label', UTF8ToString(label));
  document.body.appendChild(root);
  Module.nxA11y = {root: root};
});

EM_JS(void, nx_js_a11y_update, (const char* json_ptr), {
  var m = Module.nxA11y;
  if (!m) return;
  var items = JSON.parse(UTF8ToString(json_ptr));
  var root = m.root;
  root.textContent = "";
  var tablist = null;
  items.forEach(function(w) {
    var el;
    if (w.role === 'heading') { el = document.createElement('h2'); }
    else if (w.role === 'text') { el = document.createElement('p'); }
    else if (w.role === 'input') {
      el = document.createElement('input');
      el.value = w.value || "";
      el.setAttribute('aria-label', w.label);
      el.readOnly = true;  // typing goes through the keyboard bridge once the field is active
    } else {
      el = document.createElement('button');
      el.type = 'button';
      if (w.role === 'tab') {
        el.setAttribute('role', 'tab');
        el.setAttribute('aria-selected', w.checked ? 'true' : 'false');
        if (!tablist) { tablist = document.createElement('div'); tablist.setAttribute('role', 'tablist'); }
      } else if (w.role === 'radio') {
        el.setAttribute('role', 'radio');
        el.setAttribute('aria-checked', w.checked ? 'true' : 'false');
        if (w.setsize) {
          el.setAttribute('aria-posinset', String(w.posinset));
          el.setAttribute('aria-setsize', String(w.setsize));
        }
      } else if (w.role === 'link') {
        el.setAttribute('role', 'link');
      }
      if (w.enabled === false) el.disabled = true;
    }
    if (w.role !== 'input') el.textContent = w.label;
    el.style.left = w.x + 'px';
    el.style.top = w.y + 'px';
    el.style.width = w.w + 'px';
    el.style.height = w.h + 'px';
    if (w.role !== 'heading' && w.role !== 'text') {
      el.addEventListener('click', function(e) {
        e.preventDefault();
        _nx_a11y_tap(w.x + w.w / 2, w.y + w.h / 2);
      });
    }
    (w.role === 'tab' ? tablist : root).appendChild(el);
  });
  if (tablist) root.appendChild(tablist);
});
// clang-format on

void a11y_mirror_install(std::string_view app_name) { nx_js_a11y_install(std::string(app_name).c_str()); }

void a11y_mirror_update(const std::string& widgets_json) {
  static std::string last;  // most frames show what the last one did: no DOM work for them
  if (widgets_json == last) return;
  last = widgets_json;
  nx_js_a11y_update(widgets_json.c_str());
}

}  // namespace nx::platform
