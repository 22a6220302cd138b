#include <algorithm>
#include <cfloat>

#include <imgui_internal.h>

#include "ui/fonts.h"
#include "ui/line_break.h"
#include "ui/theme.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
void wrapped(std::string_view text, ImU32 color, ImFont* font, Role role) {
  fonts::note_text(text);
  ImGui::PushFont(font);
  // Wrap at the window's edge unless a container (a card) already set a narrower edge.
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const bool wrap_set_here = window->DC.TextWrapPos < 0;
  if (wrap_set_here) ImGui::PushTextWrapPos(0.0f);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float size = ImGui::GetFontSize();
  const float scale = size / font->FontSize;
  const float width = ImGui::CalcWrapWidthForPos(start, window->DC.TextWrapPos);
  const auto lines = break_lines(text, width, [&](char32_t c) {
    return font->GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : IM_UNICODE_CODEPOINT_INVALID)) * scale;
  });
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float widest = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const ImVec2 at(start.x, start.y + static_cast<float>(i) * size);
    dl->AddText(font, size, at, color, line.data(), line.data() + line.size());
    widest = std::max(widest, font->CalcTextSizeA(size, FLT_MAX, 0, line.data(), line.data() + line.size()).x);
  }
  const ImVec2 end(start.x + widest, start.y + static_cast<float>(std::max<std::size_t>(lines.size(), 1)) * size);
  ImGui::ItemSize(ImVec2(end.x - start.x, end.y - start.y));
  ImGui::ItemAdd(ImRect(start, end), 0);
  if (wrap_set_here) ImGui::PopTextWrapPos();
  ImGui::PopFont();
  widget_tree::add_item(role, text, start, end);
}
}  // namespace

void heading(std::string_view text) {
  wrapped(text, theme::kText, fonts::faces().title, Role::Heading);
}

void paragraph(std::string_view text, ImU32 color, ImFont* font) {
  wrapped(text, color ? color : theme::kText, font ? font : fonts::faces().body, Role::Text);
}

std::string fit_line(std::string_view text, ImFont* font, float size, float width) {
  const char* end = text.data() + text.size();
  if (font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), end).x <= width) return std::string(text);
  // One pass: ImGui stops measuring at the width and says where, on a character boundary.
  const float ellipsis = font->CalcTextSizeA(size, FLT_MAX, 0, "…").x;
  const char* cut = text.data();
  font->CalcTextSizeA(size, std::max(0.0f, width - ellipsis), 0, text.data(), end, &cut);
  return std::string(text.data(), cut) + "…";
}

void single_line(std::string_view text, ImU32 color, ImFont* font) {
  fonts::note_text(text);
  font = font ? font : fonts::faces().body;
  ImGui::PushFont(font);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float size = ImGui::GetFontSize();
  const float width = ImGui::CalcWrapWidthForPos(start, window->DC.TextWrapPos < 0 ? 0.0f : window->DC.TextWrapPos);
  const std::string shown = fit_line(text, font, size, width);
  ImGui::GetWindowDrawList()->AddText(font, size, start, color ? color : theme::kText, shown.c_str());
  const ImVec2 end(start.x + font->CalcTextSizeA(size, FLT_MAX, 0, shown.c_str()).x, start.y + size);
  ImGui::ItemSize(ImVec2(end.x - start.x, size));
  ImGui::ItemAdd(ImRect(start, end), 0);
  ImGui::PopFont();
  widget_tree::add_item(Role::Text, text, start, end);
}

void chip(std::string_view text, ImU32 fg, ImU32 bg) {
  fonts::note_text(text);
  ImFont* font = fonts::faces().small;
  ImGui::PushFont(font);
  const ImVec2 text_size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
  const ImVec2 pad(10, 4);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + text_size.x + 2 * pad.x, min.y + text_size.y + 2 * pad.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, bg, (max.y - min.y) / 2);
  dl->AddText(ImVec2(min.x + pad.x, min.y + pad.y), fg, text.data(), text.data() + text.size());
  ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
  ImGui::PopFont();
  widget_tree::add_item(Role::Text, text, min, max);
}

void sharpen_current_window() {
  const float ratio = ImGui::GetIO().DisplayFramebufferScale.x;
  if (ratio > 1) ImGui::GetWindowDrawList()->_FringeScale = 1.0f / ratio;
}

}  // namespace nx::ui
