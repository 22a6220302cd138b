#pragma once
// Mouse, touch and wheel events of the canvas, fed to imgui. Every event asks for frames.
// A touch taps on the first touch; a drag scrolls what is under the finger and presses nothing;
// a finger held still for half a second is a long-press (imgui's right click: context actions)
// and presses nothing either.
namespace nx::platform {

void input_install(const char* canvas_selector);

// Once per frame: moves a list still gliding after a flick. True while it glides (the frame
// loop then keeps drawing).
bool input_animate();

}  // namespace nx::platform
