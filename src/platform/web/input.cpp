#include "platform/web/input.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "platform/web/frame_loop.h"
#include "platform/web/ui_scale.h"

namespace nx::platform {

namespace {

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(css_to_ui(e->targetX), css_to_ui(e->targetY));
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
    const int button = e->button == 0 ? 0 : e->button == 2 ? 1 : 2;
    io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
  }
  if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  request_frames(3);
  return EM_TRUE;
}

// imgui scrolls the hovered window by 5 lines of its font per wheel notch.
float pixels_per_notch() {
  const ImFont* font = ImGui::GetIO().FontDefault;
  return font ? font->FontSize * 5 : 100.0f;
}

void scroll_by(float dy_px) { ImGui::GetIO().AddMouseWheelEvent(0, dy_px / pixels_per_notch()); }

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  // Pixels, lines or pages: imgui wants "notches", about 100 px or 3 lines each.
  const double unit = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
  io.AddMouseWheelEvent(static_cast<float>(-e->deltaX / unit), static_cast<float>(-e->deltaY / unit));
  request_frames(3);
  return EM_TRUE;
}

// One finger is the pointer. A touch presses what is under it (position first, then the
// press, a frame apart in imgui's queue), so one tap is one press. Once the finger travels
// further than a tap would, it becomes a drag: the press is taken back (released away from
// everything, so nothing fires), and the movement scrolls the list under the finger; letting
// go while moving keeps it gliding and slowing down.
struct Touch {
  bool down = false;
  bool dragging = false;
  bool long_pressed = false;  // held still: a context action (imgui's right click), not a tap
  int generation = 0;         // which touch a long-press timer belongs to
  float start_x = 0, start_y = 0, last_y = 0;
  double last_ms = 0;
  float velocity = 0;  // px per ms, recent moves weighted most
};
Touch g_touch;
float g_glide = 0;       // px per ms still to glide
double g_glide_ms = 0;   // when the glide last moved

constexpr float kTapSlop = 10.0f;         // CSS px a finger may wobble and still tap
constexpr double kLongPressMs = 500;      // held this long without moving: a long-press

// A finger held still: take the press back (nothing fires) and ask for the item's context
// action the way imgui knows it, a right click where the finger is.
void on_long_press(void* generation) {
  if (!g_touch.down || g_touch.dragging || g_touch.generation != static_cast<int>(reinterpret_cast<intptr_t>(generation)))
    return;
  g_touch.long_pressed = true;
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  io.AddMouseButtonEvent(0, false);
  io.AddMousePosEvent(g_touch.start_x, g_touch.start_y);
  io.AddMouseButtonEvent(1, true);
  io.AddMouseButtonEvent(1, false);
  request_frames(3);
}
constexpr float kFrictionPerMs = 0.0025f; // a glide loses this share of its speed each ms
constexpr float kMinGlide = 0.02f;        // px per ms below which it stops

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  const EmscriptenTouchPoint* point = nullptr;
  for (int i = 0; i < e->numTouches; ++i)
    if (e->touches[i].isChanged) { point = &e->touches[i]; break; }
  if (!point) return EM_TRUE;
  const float x = css_to_ui(point->targetX), y = css_to_ui(point->targetY);
  const double now = emscripten_get_now();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);

  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
    g_glide = 0;  // a finger on a gliding list stops it
    const int generation = g_touch.generation + 1;
    g_touch = Touch{true, false, false, generation, x, y, y, now, 0};
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, true);
    emscripten_set_timeout(on_long_press, kLongPressMs, reinterpret_cast<void*>(static_cast<intptr_t>(generation)));
  } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE && g_touch.down && !g_touch.long_pressed) {
    if (!g_touch.dragging && std::hypot(x - g_touch.start_x, y - g_touch.start_y) > kTapSlop) {
      g_touch.dragging = true;
      io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // let go away from everything: no press
      io.AddMouseButtonEvent(0, false);
      io.AddMousePosEvent(g_touch.start_x, g_touch.start_y);
    }
    if (g_touch.dragging) {
      const float dy = y - g_touch.last_y;
      scroll_by(dy);
      const double dt = std::max(1.0, now - g_touch.last_ms);
      g_touch.velocity = 0.8f * static_cast<float>(dy / dt) + 0.2f * g_touch.velocity;
    } else {
      io.AddMousePosEvent(x, y);
    }
    g_touch.last_y = y;
    g_touch.last_ms = now;
  } else if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
    if (g_touch.dragging) {
      // Still moving when lifted (within the last 80 ms): glide on.
      if (now - g_touch.last_ms < 80 && std::fabs(g_touch.velocity) > kMinGlide) {
        g_glide = g_touch.velocity;
        g_glide_ms = now;
      }
    } else if (!g_touch.long_pressed) {
      io.AddMousePosEvent(x, y);
      io.AddMouseButtonEvent(0, false);
    }
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // a lifted finger hovers nothing
    g_touch.down = false;
  }
  request_frames(3);
  return EM_TRUE;  // no emulated mouse events after touch: one tap presses once
}

}  // namespace

bool input_animate() {
  if (g_glide == 0) return false;
  const double now = emscripten_get_now();
  const double dt = std::min(100.0, now - g_glide_ms);
  g_glide_ms = now;
  ImGuiIO& io = ImGui::GetIO();
  // The glide scrolls the list where the finger left it.
  io.AddMousePosEvent(g_touch.start_x, g_touch.last_y);
  scroll_by(static_cast<float>(g_glide * dt));
  g_glide *= static_cast<float>(std::pow(1.0 - kFrictionPerMs, dt));
  if (std::fabs(g_glide) < kMinGlide) {
    g_glide = 0;
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  }
  return true;
}

void input_install(const char* canvas) {
  emscripten_set_mousedown_callback(canvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseup_callback(canvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mousemove_callback(canvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseleave_callback(canvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_wheel_callback(canvas, nullptr, EM_TRUE, on_wheel);
  emscripten_set_touchstart_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchmove_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchend_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchcancel_callback(canvas, nullptr, EM_TRUE, on_touch);
}

}  // namespace nx::platform
