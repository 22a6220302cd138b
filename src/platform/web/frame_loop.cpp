#include "platform/web/frame_loop.h"

#include <algorithm>

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

namespace nx::platform {

namespace {
DrawFn g_draw = nullptr;
int g_frames_wanted = 0;
bool g_scheduled = false;
std::uint64_t g_frames_drawn = 0;
double g_drawing_ms = 0;  // main-thread time spent in g_draw, all frames together

EM_BOOL on_animation_frame(double, void*) {
  g_scheduled = false;
  if (g_frames_wanted <= 0) return EM_FALSE;
  --g_frames_wanted;
  ++g_frames_drawn;
  const double started = emscripten_get_now();
  const bool changed = g_draw();
  g_drawing_ms += emscripten_get_now() - started;
  if (changed) g_frames_wanted = std::max(g_frames_wanted, 1);
  if (g_frames_wanted > 0) request_frames(0);
  return EM_FALSE;
}
}  // namespace

void frame_loop_start(DrawFn draw) {
  g_draw = draw;
  request_frames(2);
}

void request_frames(int frames) {
  g_frames_wanted = std::max(g_frames_wanted, frames);
  if (g_scheduled || g_frames_wanted <= 0) return;
  g_scheduled = true;
  emscripten_request_animation_frame(on_animation_frame, nullptr);
}

std::uint64_t frames_drawn() { return g_frames_drawn; }

double drawing_ms() { return g_drawing_ms; }

}  // namespace nx::platform
