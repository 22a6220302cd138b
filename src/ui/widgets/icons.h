#pragma once
// Line icons drawn with imgui's draw list: sharp at any pixel ratio, no icon font to download.
#include <imgui.h>

namespace nx::ui {

enum class Icon { Home, Station, Services, Events, Me, Join, Legal, Sun, Snowflake, Book, Briefcase, Inbox, Chart, Visit };

// Draws `icon` centred on `center`, fitting a `size` x `size` square, stroked in `color`.
void draw_icon(ImDrawList* dl, Icon icon, ImVec2 center, float size, ImU32 color);

}  // namespace nx::ui
