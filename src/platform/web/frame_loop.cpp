#include "platform/web/frame_loop.h"

#include <algorithm>

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

namespace nx::platform {

namespace {
DrawFn g_draw = nullptr;
int g_frames_wanted = 0;
bool g_scheduled = false;
std::uint64_t g_frames_drawn = 0;
double g_drawing_ms = 0;  // main-thread time spent in g_draw, all frames together
// A run of frames drawn back to back: when its first began and how many it has had.
double g_run_started = -1;
int g_run_frames = 0;
double g_frame_cost = 0;

// The first task after a run's last frame: the browser has finished that frame's work.
void on_run_done(void*) {
  if (g_scheduled || g_run_frames == 0) return;  // more frames came: the run goes on
  g_frame_cost = (emscripten_get_now() - g_run_started) / g_run_frames;
  g_run_started = -1;
  g_run_frames = 0;
}

EM_BOOL on_animation_frame(double, void*) {
  g_scheduled = false;
  if (g_frames_wanted <= 0) return EM_FALSE;
  --g_frames_wanted;
  ++g_frames_drawn;
  const double started = emscripten_get_now();
  if (g_run_frames == 0) g_run_started = started;
  ++g_run_frames;
  const bool changed = g_draw();
  g_drawing_ms += emscripten_get_now() - started;
  if (changed) g_frames_wanted = std::max(g_frames_wanted, 1);
  if (g_frames_wanted > 0) request_frames(0);
  else emscripten_set_timeout(on_run_done, 0, nullptr);
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

double frame_cost() { return g_frame_cost; }

}  // namespace nx::platform
