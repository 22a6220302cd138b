#pragma once
// The root of the UI: header, the current screen, and the bottom tab bar.
#include <string>

#include "app/app_state.h"

namespace nx::ui {

// Sets up imgui's style and fonts for a screen with this many device pixels per CSS pixel.
void init(float pixel_ratio);

// Draws one frame of the whole app inside an imgui frame (between NewFrame and Render).
void draw_app(app::AppState& state);

// "驿站 · 暖新": the page title for the screen shown.
std::string screen_title(const app::AppState& state);

}  // namespace nx::ui
