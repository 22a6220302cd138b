#include <imgui_internal.h>

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
void wrapped(std::string_view text, ImU32 color, ImFont* font, Role role) {
  fonts::note_text(text);
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  // Wrap at the window's edge unless a container (a card) already set a narrower edge.
  const bool wrap_set_here = ImGui::GetCurrentWindow()->DC.TextWrapPos < 0;
  if (wrap_set_here) ImGui::PushTextWrapPos(0.0f);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  const ImVec2 end = ImGui::GetItemRectMax();
  if (wrap_set_here) ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
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
