// A labelled text field sized for thumbs. The phone's keyboard, IME and paste reach it through
// the platform's hidden textarea (src/platform/web/text_input); this side only says which
// keyboard suits the field.
#include <algorithm>
#include <string>

#include <imgui_internal.h>

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
Keyboard g_active_keyboard = Keyboard::Text;

int resize_string(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}
}  // namespace

Keyboard active_keyboard() { return g_active_keyboard; }

bool text_field(const char* id, std::string_view label, std::string_view hint, std::string& value, Keyboard keyboard,
                std::size_t max_bytes) {
  ImGui::PushID(id);
  fonts::note_text(value);
  fonts::note_text(hint);
  ImGui::PushFont(fonts::faces().small);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kTextMuted);
  ImGui::TextUnformatted(label.data(), label.data() + label.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();

  // Tall enough for a thumb: the frame padding centres one line of body text in kTouchTarget.
  const float pad_y = (theme::kTouchTarget - ImGui::GetFontSize()) / 2;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, pad_y));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 10);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, theme::kSurface);
  ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, theme::kSurface);
  ImGui::PushStyleColor(ImGuiCol_FrameBgActive, theme::kSurface);
  ImGui::PushStyleColor(ImGuiCol_Border, theme::kBorder);

  ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
  if (keyboard == Keyboard::Numeric || keyboard == Keyboard::Pin) flags |= ImGuiInputTextFlags_CharsDecimal;
  const bool secret = keyboard == Keyboard::Pin || keyboard == Keyboard::Password;
  if (secret) flags |= ImGuiInputTextFlags_Password;
  if (value.capacity() < 16) value.reserve(16);
  const std::string hint_text(hint);
  std::string before = value;
  ImGui::InputTextWithHint("##field", hint_text.c_str(), value.data(), value.capacity() + 1, flags, resize_string, &value);
  widget_tree::tag_last_item(Role::Input, label);
  // A PIN or password never leaves the field: tests and screen readers get one dot a character.
  std::string shown = value;
  if (secret) {
    shown.clear();
    for (char c : value)
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) shown += "\u2022";
  }
  widget_tree::tag_last_item_value(shown);
  if (ImGui::IsItemActive()) {
    g_active_keyboard = keyboard;
    // The keyboard opening shrinks the page: the field being typed into stays in view above it.
    const ImRect field(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!ImGui::GetCurrentWindow()->ClipRect.Contains(field)) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleCenterY);
    // The focused field gets the accent border, so the person sees where the typing goes.
    ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), theme::kAccent, 10, 0, 2);
  }
  if (value.size() > max_bytes) value.resize(max_bytes);

  ImGui::PopStyleColor(4);
  ImGui::PopStyleVar(3);
  ImGui::PopID();
  return value != before;
}

}  // namespace nx::ui
