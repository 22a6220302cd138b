#pragma once
// The text size's scale (app::text_scale): imgui lays the UI out in CSS pixels divided by it
// and the fonts are rasterized for CSS pixels times it, so 特大 is as sharp as 标准. Whatever
// crosses between the page and imgui (pointer positions, the caret, the widget tree) is
// converted here, so the page and the tests keep speaking CSS pixels.
namespace nx::platform {

inline float g_ui_scale = 1.0f;

inline float ui_scale() { return g_ui_scale; }
inline float css_to_ui(double css) { return static_cast<float>(css) / g_ui_scale; }
inline float ui_to_css(float ui) { return ui * g_ui_scale; }

}  // namespace nx::platform
