#pragma once
// Draws frames only when something changed (DESIGN.md, "Idle"): input, data arriving, a
// screen change, or an animation the UI asked for. A phone showing a still screen draws nothing.
#include <cstdint>

namespace nx::platform {

// Function that draws one whole frame; returns true if the frame changed what the app shows
// (then a follow-up frame is drawn so the change settles).
using DrawFn = bool (*)();

void frame_loop_start(DrawFn draw);

// Asks for at least `frames` more frames, starting at the next animation frame.
void request_frames(int frames = 2);

std::uint64_t frames_drawn();

// Main-thread milliseconds spent drawing, all frames together: over a scroll, the difference
// divided by the frames drawn is what one frame costs the phone's CPU (benchmarks read it).
double drawing_ms();

// What a frame cost lately in all, in ms: frames drawn one after another, from the first one's
// start until the page took its next task after the last (so the browser's compositing, which a
// phone without a GPU and headless Chromium do on the CPU, is in it), divided by their number.
// 0 until frames have been drawn.
double frame_cost();

}  // namespace nx::platform
