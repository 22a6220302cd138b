#include <vector>

#include "ui/theme.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
// Each open card's right edge (window coordinates): the column's, which on a tablet is
// narrower than the window.
std::vector<float> g_right_edges;
}  // namespace

// The card's background must sit under content whose height is known only after it is drawn:
// the content goes to draw channel 1, and card_end paints channel 0 beneath it.
void card_begin(const char* id) {
  ImGui::PushID(id);
  ImGui::GetWindowDrawList()->ChannelsSplit(2);
  ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
  const float right = ImGui::GetCursorPosX() + ImGui::CalcItemWidth();
  g_right_edges.push_back(right);
  ImGui::BeginGroup();
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + theme::kPadding,
                             ImGui::GetCursorPosY() + theme::kPadding));
  ImGui::BeginGroup();
  const float inner_right = right - theme::kPadding;
  ImGui::PushTextWrapPos(inner_right);
  ImGui::PushItemWidth(inner_right - ImGui::GetCursorPosX());
}

void card_end() {
  ImGui::PopItemWidth();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const ImVec2 inner_max = ImGui::GetItemRectMax();
  ImGui::EndGroup();
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max(ImGui::GetWindowPos().x - ImGui::GetScrollX() + g_right_edges.back(), inner_max.y + theme::kPadding);
  g_right_edges.pop_back();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(min, max, theme::kSurface, theme::kRadius);
  dl->AddRect(min, max, theme::kBorder, theme::kRadius);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(min.x, max.y + theme::kGap));
  ImGui::Dummy(ImVec2(0, 0));
  ImGui::PopID();
}

}  // namespace nx::ui
