#pragma once
// The UI's fonts. The glyph data is generated at build time (tools/make_ui_fonts.py).
#include <cstddef>
#include <set>
#include <string_view>
#include <vector>

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

// Growing the atlas with the characters data brings (names, addresses, what people type):
// widgets note the text they draw; characters missing from the atlas are collected, and once
// the fuller glyph font has arrived (fetched after the first frame) the atlas is rebuilt with
// them. Characters no font has are drawn as 〓 (U+3013) and counted.
void note_text(std::string_view utf8);
// Text about to be drawn (the rows just past the screen of a long list): its characters wait
// until kAheadBatch of them gather or drawn text needs a rebuild anyway, and then go in with
// it. Each rebuild rasterizes every face again; a scroll through names would otherwise rebuild
// on frame after frame.
inline constexpr std::size_t kAheadBatch = 16;
void note_text_ahead(std::string_view utf8);
void set_glyph_font(std::vector<unsigned char> bytes);
// True when a rebuild is due; the platform then calls load() between frames.
bool needs_rebuild();

struct GlyphStats {
  int added = 0;     // characters added to the atlas from the glyph font
  int fallback = 0;  // characters seen that no font here has (drawn as 〓)
  int waiting = 0;   // characters seen, not in the atlas, the glyph font not here yet
  bool glyph_font = false;
};
GlyphStats glyph_stats();

}  // namespace nx::ui::fonts
