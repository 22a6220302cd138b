#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
void centered_text(ImDrawList* dl, ImFont* font, ImVec2 center, ImU32 color, std::string_view text) {
  fonts::note_text(text);
  const float size = font->FontSize;
  const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size());
  dl->AddText(font, size, ImVec2(center.x - ts.x / 2, center.y - ts.y / 2), color, text.data(),
              text.data() + text.size());
}
}  // namespace

bool tile(const char* id, std::string_view label, Icon icon, ImVec2 size) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(id, size);
  widget_tree::tag_last_item(Role::Button, label);
  const bool held = ImGui::IsItemActive();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, theme::kSurface, theme::kRadius);
  dl->AddRect(min, max, theme::kBorder, theme::kRadius);
  if (held) dl->AddRectFilled(min, max, theme::kPressedOverlay, theme::kRadius);
  const ImVec2 icon_center(min.x + size.x / 2, min.y + size.y * 0.38f);
  dl->AddCircleFilled(icon_center, 22, theme::kAccentSoft);
  draw_icon(dl, icon, icon_center, 24, theme::kAccent);
  centered_text(dl, fonts::faces().body, ImVec2(icon_center.x, min.y + size.y * 0.78f),
                theme::kText, label);
  return tapped;
}

bool tab_button(const char* id, std::string_view label, Icon icon, bool selected, ImVec2 size) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(id, size);
  widget_tree::tag_last_item(Role::Tab, label, selected ? 1 : 0);
  const ImU32 color = selected ? theme::kAccent : theme::kTextMuted;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (ImGui::IsItemActive())
    dl->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), theme::kPressedOverlay);
  const float cx = min.x + size.x / 2;
  draw_icon(dl, icon, ImVec2(cx, min.y + size.y * 0.36f), 24, color);
  centered_text(dl, fonts::faces().small, ImVec2(cx, min.y + size.y * 0.76f), color, label);
  return tapped;
}

bool button(const char* id, std::string_view label, bool primary, bool enabled) {
  const float width = ImGui::CalcItemWidth();
  const ImVec2 size(width, theme::kTouchTarget);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::BeginDisabled(!enabled);
  const bool tapped = ImGui::InvisibleButton(id, size);
  ImGui::EndDisabled();
  widget_tree::tag_last_item(Role::Button, label);
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool held = ImGui::IsItemActive();
  if (primary) {
    const ImU32 fill = !enabled ? theme::kBorder : held ? theme::kAccentPressed : theme::kAccent;
    dl->AddRectFilled(min, max, fill, 12);
  } else {
    dl->AddRectFilled(min, max, held ? theme::kAccentSoft : theme::kSurface, 12);
    dl->AddRect(min, max, enabled ? theme::kAccent : theme::kBorder, 12, 0, 1.5f);
  }
  const ImU32 text = primary ? (enabled ? theme::kSurface : theme::kTextMuted) : (enabled ? theme::kAccent : theme::kTextMuted);
  centered_text(dl, fonts::faces().body_bold, ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2), text, label);
  return tapped && enabled;
}

bool link_button(const char* id, std::string_view label) {
  ImFont* font = fonts::faces().body;
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
  const ImVec2 size(ts.x + 8, theme::kTouchTarget);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(id, size);
  widget_tree::tag_last_item(Role::Link, label);
  centered_text(ImGui::GetWindowDrawList(), font, ImVec2(min.x + size.x / 2, min.y + size.y / 2),
                ImGui::IsItemActive() ? theme::kAccentPressed : theme::kAccent, label);
  return tapped;
}

namespace {

bool pill(const char* id, std::string_view label, bool selected, bool first, Role role) {
  ImFont* font = fonts::faces().body;
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
  const ImVec2 size(ts.x + 28, theme::kTouchTarget - 4);
  // A row of chips wraps at the column's right edge (a card's, or the screen's on a tablet).
  static float row_right = 0;
  if (first) {
    row_right = ImGui::GetCursorPosX() + ImGui::CalcItemWidth();
  } else {
    ImGui::SameLine(0, 8);
    if (ImGui::GetCursorPosX() + size.x > row_right) ImGui::NewLine();
  }
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(id, size);
  widget_tree::tag_last_item(role, label, selected ? 1 : 0);
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float round = size.y / 2;
  if (selected) {
    dl->AddRectFilled(min, max, theme::kAccentSoft, round);
    dl->AddRect(min, max, theme::kAccent, round, 0, 1.5f);
  } else {
    dl->AddRectFilled(min, max, ImGui::IsItemActive() ? theme::kBorder : theme::kSurface, round);
    dl->AddRect(min, max, theme::kBorder, round, 0, 1.0f);
  }
  centered_text(dl, selected ? fonts::faces().body_bold : font, ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2),
                selected ? theme::kAccent : theme::kText, label);
  return tapped;
}

}  // namespace

bool toggle_chip(const char* id, std::string_view label, bool selected, bool first) {
  return pill(id, label, selected, first, Role::Checkbox);
}

bool choice_chip(const char* id, std::string_view label, bool selected, bool first) {
  if (first) widget_tree::begin_radio_group();
  return pill(id, label, selected, first, Role::Radio);
}

int segmented(const char* id, const std::string_view* labels, int count, int selected) {
  ImGui::PushID(id);
  widget_tree::begin_radio_group();
  const float width = ImGui::CalcItemWidth();  // containers set it (cards, the column)
  const float height = theme::kTouchTarget;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), theme::kBorder, 12);
  int tapped = -1;
  const float segment = width / count;
  for (int i = 0; i < count; ++i) {
    const ImVec2 min(origin.x + i * segment, origin.y);
    const ImVec2 max(min.x + segment, origin.y + height);
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(i);
    if (ImGui::InvisibleButton("segment", ImVec2(segment, height))) tapped = i;
    ImGui::PopID();
    widget_tree::tag_last_item(Role::Radio, labels[i], i == selected ? 1 : 0);
    if (i == selected)
      dl->AddRectFilled(ImVec2(min.x + 3, min.y + 3), ImVec2(max.x - 3, max.y - 3), theme::kSurface, 10);
    centered_text(dl, i == selected ? fonts::faces().body_bold : fonts::faces().body,
                  ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2),
                  i == selected ? theme::kText : theme::kTextMuted, labels[i]);
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
  ImGui::Dummy(ImVec2(width, 0));
  ImGui::PopID();
  return tapped;
}

}  // namespace nx::ui
