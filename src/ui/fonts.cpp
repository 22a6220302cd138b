#include "ui/fonts.h"

#include "ui/theme.h"

#include <imgui_internal.h>

namespace nx::ui::fonts {

namespace {
Faces g_faces;
std::vector<unsigned char> g_glyph_font;   // owned here: the atlas only borrows it
std::set<ImWchar> g_seen_missing;          // noted, not in the atlas when noted
std::set<ImWchar> g_ahead_missing;         // the same for text about to be drawn (note_text_ahead)
std::set<ImWchar> g_in_atlas_extra;        // merged from the glyph font at the last build
std::set<ImWchar> g_fallback;              // not in the glyph font either
std::vector<ImWchar> g_extra_ranges;       // ranges of g_in_atlas_extra, for imgui (kept alive)

// imgui sizes a font by its line height (ascent - descent); CSS sizes it by its em. Noto Sans
// CJK's line is 1.448 em (hhea 1160 / -288 of 1000 units), so a 16 px em needs 23.2 px here.
constexpr float kLineHeightPerEm = 1.448f;

// 〓: what typesetters print for a character the type case lacks (in the UI subset).
constexpr ImWchar kMissingMark = 0x3013;

ImFont* add_face(FontBytes bytes, float css_em, float pixel_ratio, bool bold = false) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  config.OversampleH = 1;               // rasterized at device resolution: no oversampling needed
  config.OversampleV = 1;
  config.RasterizerDensity = pixel_ratio;
  ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data),
                                                            static_cast<int>(bytes.size),
                                                            css_em * kLineHeightPerEm, &config,
                                                            ui_glyph_ranges());
  if (!g_extra_ranges.empty()) {
    // The characters data brought, merged in from the glyph font (regular weight for all
    // faces: a second, bold glyph font would double the download). In a bold face they are
    // rasterized darker, so a station's name in a heading does not change weight mid-word.
    ImFontConfig merge = config;
    merge.MergeMode = true;
    if (bold) merge.RasterizerMultiply = 1.9f;
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(g_glyph_font.data(), static_cast<int>(g_glyph_font.size()),
                                               css_em * kLineHeightPerEm, &merge, g_extra_ranges.data());
  }
  return font;
}

// Decodes one UTF-8 character at `i`; 0 and a step of 1 for a broken byte.
ImWchar next_char(std::string_view s, std::size_t& i) {
  unsigned int c = 0;
  const int n = ImTextCharFromUtf8(&c, s.data() + i, s.data() + s.size());
  i += n > 0 ? static_cast<std::size_t>(n) : 1;
  return static_cast<ImWchar>(c);
}
}  // namespace

void load(float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  // Everything seen so far goes in when the glyph font can provide it.
  if (!g_glyph_font.empty()) {
    g_in_atlas_extra.insert(g_seen_missing.begin(), g_seen_missing.end());
    g_in_atlas_extra.insert(g_ahead_missing.begin(), g_ahead_missing.end());
    g_extra_ranges.clear();
    for (ImWchar c : g_in_atlas_extra) g_extra_ranges.insert(g_extra_ranges.end(), {c, c});
    if (!g_extra_ranges.empty()) g_extra_ranges.push_back(0);
  }
  io.Fonts->Clear();
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  g_faces.body = add_face(ui_regular(), theme::kBodySize, pixel_ratio);
  g_faces.small = add_face(ui_regular(), theme::kSmallSize, pixel_ratio);
  g_faces.body_bold = add_face(ui_bold(), theme::kBodySize, pixel_ratio, true);
  g_faces.title = add_face(ui_bold(), theme::kTitleSize, pixel_ratio, true);
  io.FontDefault = g_faces.body;
  io.Fonts->Build();
  for (ImFont* font : {g_faces.body, g_faces.small, g_faces.body_bold, g_faces.title}) {
    font->FallbackChar = kMissingMark;
    font->BuildLookupTable();
  }
  g_seen_missing.clear();
  g_ahead_missing.clear();
  g_fallback.clear();
  for (ImWchar c : g_in_atlas_extra)
    if (!g_faces.body->FindGlyphNoFallback(c)) g_fallback.insert(c);
}

namespace {
void note_missing(std::string_view utf8, std::set<ImWchar>& missing) {
  if (!g_faces.body) return;
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++i;
      continue;
    }
    const ImWchar c = next_char(utf8, i);
    if (c == 0 || g_in_atlas_extra.count(c) || g_faces.body->FindGlyphNoFallback(c)) continue;
    missing.insert(c);
  }
}
}  // namespace

void note_text(std::string_view utf8) { note_missing(utf8, g_seen_missing); }
void note_text_ahead(std::string_view utf8) { note_missing(utf8, g_ahead_missing); }

void set_glyph_font(std::vector<unsigned char> bytes) { g_glyph_font = std::move(bytes); }

bool needs_rebuild() {
  return !g_glyph_font.empty() && (!g_seen_missing.empty() || g_ahead_missing.size() >= kAheadBatch);
}

GlyphStats glyph_stats() {
  GlyphStats s;
  s.glyph_font = !g_glyph_font.empty();
  s.added = static_cast<int>(g_in_atlas_extra.size() - g_fallback.size());
  s.fallback = static_cast<int>(g_fallback.size());
  s.waiting = static_cast<int>(g_seen_missing.size());
  return s;
}

const Faces& faces() { return g_faces; }

}  // namespace nx::ui::fonts
