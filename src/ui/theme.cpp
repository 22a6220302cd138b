#include "ui/theme.h"

namespace nx::ui::theme {

namespace {
ImVec4 rgba(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }
}  // namespace

void apply(float pixel_ratio) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FramePadding = ImVec2(14, 12);
  style.FrameRounding = 10;
  style.ItemSpacing = ImVec2(kGap, kGap);
  style.ItemInnerSpacing = ImVec2(8, 8);
  style.ScrollbarSize = 4;  // a thin indicator: lists scroll by dragging, not by the bar
  style.ScrollbarRounding = 2;
  style.GrabRounding = 8;
  style.PopupRounding = kRadius;
  style.TouchExtraPadding = ImVec2(4, 4);
  // Curves are tessellated finely enough for a 3x screen.
  style.CircleTessellationMaxError = 0.3f / (pixel_ratio > 1 ? pixel_ratio : 1);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = rgba(kText);
  c[ImGuiCol_TextDisabled] = rgba(kTextMuted);
  c[ImGuiCol_WindowBg] = rgba(kBackground);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = rgba(kSurface);
  c[ImGuiCol_Border] = rgba(kBorder);
  c[ImGuiCol_FrameBg] = rgba(kSurface);
  c[ImGuiCol_FrameBgHovered] = rgba(kSurface);
  c[ImGuiCol_FrameBgActive] = rgba(kSurface);
  c[ImGuiCol_Button] = rgba(kAccent);
  c[ImGuiCol_ButtonHovered] = rgba(kAccent);  // phones have no hover
  c[ImGuiCol_ButtonActive] = rgba(kAccentPressed);
  c[ImGuiCol_Header] = rgba(kAccentSoft);
  c[ImGuiCol_HeaderHovered] = rgba(kAccentSoft);
  c[ImGuiCol_HeaderActive] = rgba(kAccentSoft);
  c[ImGuiCol_CheckMark] = rgba(kAccent);
  c[ImGuiCol_SliderGrab] = rgba(kAccent);
  c[ImGuiCol_SliderGrabActive] = rgba(kAccentPressed);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImVec4(0, 0, 0, 0.25f);
  c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0, 0, 0, 0.25f);
  c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0, 0, 0, 0.35f);
  c[ImGuiCol_Separator] = rgba(kBorder);
  c[ImGuiCol_TextSelectedBg] = rgba(kAccentSoft);
  c[ImGuiCol_NavHighlight] = rgba(kAccent);
}

}  // namespace nx::ui::theme
