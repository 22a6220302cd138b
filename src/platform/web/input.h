#pragma once
// Mouse, touch and wheel events of the canvas, fed to imgui. Every event asks for frames.
namespace nx::platform {

void input_install(const char* canvas_selector);

}  // namespace nx::platform
