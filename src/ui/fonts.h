#pragma once
// The UI's fonts. The glyph data is generated at build time (tools/make_ui_fonts.py).
#include <cstddef>

#include <imgui.h>

namespace nx::ui::fonts {

struct FontBytes {
  const unsigned char* data;
  std::size_t size;
};

// Generated: Noto Sans CJK SC subset to the string table's characters.
FontBytes ui_regular();
FontBytes ui_bold();
const ImWchar* ui_glyph_ranges();
int ui_glyph_count();

// The faces screens use; sizes in CSS pixels (see theme.h).
struct Faces {
  ImFont* body = nullptr;
  ImFont* small = nullptr;
  ImFont* body_bold = nullptr;
  ImFont* title = nullptr;
};

// Rasterizes every face at `pixel_ratio` times its CSS size, so text is sharp on the phone's
// screen while layout stays in CSS pixels. Call again when the ratio changes.
void load(float pixel_ratio);
const Faces& faces();

}  // namespace nx::ui::fonts
