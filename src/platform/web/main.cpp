// The app's entry in the browser: WebGL2 context, canvas sizing at the device-pixel-ratio,
// and one frame of imgui whenever the frame loop asks for it.
#include <algorithm>

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/pages.h"
#include "app/phone_runtime.h"
#include "platform/web/a11y_mirror.h"
#include "platform/web/app_update.h"
#include "platform/web/device.h"
#include "platform/web/frame_loop.h"
#include "platform/web/http.h"
#include "platform/web/input.h"
#include "platform/web/navigation.h"
#include "platform/web/page_bridge.h"
#include "platform/web/text_input.h"
#include "platform/web/ui_scale.h"
#include "platform/web/web_ports.h"
#include "ui/app_ui.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widget_tree.h"

namespace {

constexpr const char* kCanvas = "#canvas";

nx::app::AppState g_state;
nx::platform::WebHttp g_http;
nx::platform::WebStorage g_storage;
nx::platform::WebTimers g_timers;
nx::platform::WebDeviceFacts g_facts;
nx::app::PhoneRuntime g_phone(g_state, g_http, g_storage, g_timers, g_facts);
nx::platform::WebDevice g_device(g_state);
float g_pixel_ratio = 0;
double g_last_time = 0;

// Sizes the canvas's backing store to CSS size x devicePixelRatio so nothing is stretched;
// rebuilds the font atlas when the ratio changes (zoom, moving to another screen) or the text
// size does: imgui lays out in CSS px / text scale, drawn at devicePixelRatio x text scale.
void fit_canvas() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  const double device_ratio = std::max(1.0, emscripten_get_device_pixel_ratio());
  emscripten_set_canvas_element_size(kCanvas, static_cast<int>(css_w * device_ratio + 0.5),
                                     static_cast<int>(css_h * device_ratio + 0.5));
  const float scale = nx::app::text_scale(g_state.text_size);
  const float ratio = static_cast<float>(device_ratio) * scale;  // device pixels per imgui unit
  nx::platform::g_ui_scale = scale;
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(nx::platform::css_to_ui(css_w), nx::platform::css_to_ui(css_h));
  io.DisplayFramebufferScale = ImVec2(ratio, ratio);
  if (ratio != g_pixel_ratio) {
    g_pixel_ratio = ratio;
    nx::ui::init(ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  fit_canvas();
  nx::platform::request_frames();
  return EM_FALSE;
}

// One imgui pass: input in, widgets out, draw data ready. Returns whether the app state changed.
bool run_ui_pass() {
  const nx::app::AppState before = g_state;
  nx::ui::widget_tree::begin_frame();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  nx::ui::draw_app(g_state);
  ImGui::Render();
  nx::ui::widget_tree::end_frame();
  return !(before == g_state);
}

// Characters that data brought are added to the atlas between frames, never during one.
void grow_font_atlas() {
  if (!nx::ui::fonts::needs_rebuild()) return;
  nx::ui::fonts::load(g_pixel_ratio);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool draw_frame() {
  if (nx::app::text_scale(g_state.text_size) != nx::platform::ui_scale()) fit_canvas();
  grow_font_atlas();
  const bool gliding = nx::platform::input_animate();
  ImGuiIO& io = ImGui::GetIO();
  const double now = emscripten_get_now();
  // imgui needs a positive step; after a long idle the step is capped so timers stay sane.
  io.DeltaTime = g_last_time > 0 ? static_cast<float>(std::clamp((now - g_last_time) / 1000.0, 1e-4, 0.25)) : 1.0f / 60;
  g_last_time = now;

  // A tap that changes the screen is seen halfway through drawing the old one; a second pass
  // draws the new screen before anything is shown, so the picture, the widget tree and
  // state() always agree.
  bool changed = run_ui_pass();
  if (changed) {
    io.DeltaTime = 1e-4f;
    run_ui_pass();
  }

  int fb_w = 0, fb_h = 0;
  emscripten_get_canvas_element_size(kCanvas, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(nx::ui::theme::kBackground);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  nx::platform::text_input_sync(nx::ui::active_keyboard());
  nx::platform::navigation_update(std::string(nx::app::screen_name(g_state.tab)), nx::app::page_depth(g_state),
                                  nx::ui::screen_title(g_state));
  nx::platform::a11y_mirror_update(nx::ui::widget_tree::to_json(nx::ui::widget_tree::last_frame(), nx::platform::ui_scale()).dump());

  static bool first = true;
  if (first) {
    first = false;
    nx::platform::page_bridge_first_frame();
  }
  // Events still queued (imgui spreads a press over frames), a changed state, or characters
  // waiting for the atlas need another frame.
  const bool input_pending = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
  const bool rescale = nx::app::text_scale(g_state.text_size) != nx::platform::ui_scale();
  return changed || input_pending || gliding || rescale || nx::ui::fonts::needs_rebuild();
}

bool create_gl_context() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;  // imgui anti-aliases its own shapes
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(kCanvas, &attrs);
  if (ctx <= 0) return false;
  emscripten_webgl_make_context_current(ctx);
  return true;
}

extern "C" EMSCRIPTEN_KEEPALIVE void nx_glyph_font(const unsigned char* data, int size) {
  nx::ui::fonts::set_glyph_font(std::vector<unsigned char>(data, data + size));
  nx::platform::request_frames();
}

// The fuller glyph font, fetched once the first screen is up so it never delays it; the
// browser's cache (and the service worker) keep it for next time.
// clang-format off
EM_JS(void, nx_js_fetch_glyph_font, (), {
  var go = function() {
    fetch('glyphs-common.otf').then(function(r) { return r.ok ? r.arrayBuffer() : null; }).then(function(buf) {
      if (!buf) return;
      var bytes = new Uint8Array(buf), p = _malloc(bytes.length);
      HEAPU8.set(bytes, p);
      _nx_glyph_font(p, bytes.length);
      _free(p);
    }).catch(function() {});
  };
  // A second after the first frame: the first taps and the first sync go before it.
  if (document.documentElement.classList.contains('nx-ready')) setTimeout(go, 1000);
  else window.addEventListener('nuanxin-ready', function() { setTimeout(go, 1000); }, {once: true});
});
// clang-format on

}  // namespace

int main() {
  if (!create_gl_context()) {
    EM_ASM({ window.dispatchEvent(new CustomEvent('nuanxin-error', {detail: 'webgl2'})); });
    return 1;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.BackendPlatformName = "nuanxin-web";
  ImGui_ImplOpenGL3_Init("#version 300 es");
  g_state.text_size = g_device.text_size();
  fit_canvas();

  nx::platform::input_install(kCanvas);
  nx::platform::text_input_install();
  nx::platform::a11y_mirror_install(nx::message_text(nx::Msg::AppName, g_state.locale));
  const std::string start_screen = nx::platform::navigation_install([](const std::string& screen, int depth) {
    if (auto tab = nx::app::tab_from_screen_name(screen)) g_state.tab = *tab;
    nx::app::close_pages_to(g_state, depth);
  });
  if (auto tab = nx::app::tab_from_screen_name(start_screen)) g_state.tab = *tab;
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  nx::platform::page_bridge_install({
      .widgets_json = [] { return nx::ui::widget_tree::to_json(nx::ui::widget_tree::last_frame(), nx::platform::ui_scale()).dump(); },
      .state_json = [] {
        nlohmann::json s = nx::app::describe_state(g_state, nx::platform::frames_drawn());
        const auto g = nx::ui::fonts::glyph_stats();
        s["drawing_ms"] = nx::platform::drawing_ms();
        s["wasm_heap_bytes"] = static_cast<double>(emscripten_get_heap_size());
        s["glyphs"] = {{"added", g.added}, {"fallback", g.fallback}, {"waiting", g.waiting}, {"font_loaded", g.glyph_font}};
        return s.dump();
      },
      .set_online = [](bool online) { g_phone.set_online(online); },
#ifdef NUANXIN_TEST_HOOKS
      .save = [](const std::string& text) -> std::string {
        const auto changes = nx::app::changes_from_json(nlohmann::json::parse(text, nullptr, false));
        if (!changes) return "not a change: {kind, id, set?, transition?, delete?} or an array of them";
        auto saved = g_phone.save(*changes);
        return saved ? "" : saved.error().message_en;
      },
#endif
  });
  g_state.device = &g_device;
  g_state.welcome = !g_device.welcome_seen();
  nx::platform::app_update_install([] {
    g_state.update_available = true;
    nx::platform::request_frames();
  });
  nx::platform::http::configure([] { g_phone.start(); });
  nx_js_fetch_glyph_font();
  nx::platform::frame_loop_start(draw_frame);
  return 0;  // the browser's event loop keeps the app alive; the runtime is not exited
}
