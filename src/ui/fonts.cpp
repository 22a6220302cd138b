#include "ui/fonts.h"

#include "ui/theme.h"

namespace nx::ui::fonts {

namespace {
Faces g_faces;

// imgui sizes a font by its line height (ascent - descent); CSS sizes it by its em. Noto Sans
// CJK's line is 1.448 em (hhea 1160 / -288 of 1000 units), so a 16 px em needs 23.2 px here.
constexpr float kLineHeightPerEm = 1.448f;

ImFont* add_face(FontBytes bytes, float css_em, float pixel_ratio) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  config.OversampleH = 1;               // rasterized at device resolution: no oversampling needed
  config.OversampleV = 1;
  config.RasterizerDensity = pixel_ratio;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data),
                                                    static_cast<int>(bytes.size),
                                                    css_em * kLineHeightPerEm, &config,
                                                    ui_glyph_ranges());
}
}  // namespace

void load(float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  g_faces.body = add_face(ui_regular(), theme::kBodySize, pixel_ratio);
  g_faces.small = add_face(ui_regular(), theme::kSmallSize, pixel_ratio);
  g_faces.body_bold = add_face(ui_bold(), theme::kBodySize, pixel_ratio);
  g_faces.title = add_face(ui_bold(), theme::kTitleSize, pixel_ratio);
  io.FontDefault = g_faces.body;
  io.Fonts->Build();
}

const Faces& faces() { return g_faces; }

}  // namespace nx::ui::fonts
