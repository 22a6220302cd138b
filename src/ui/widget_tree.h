#pragma once
// The widget tree: what the last drawn frame showed, item by item (role, label, rectangle,
// state), in CSS pixels of the page. Tests drive the real UI through it and the platform
// mirrors it into hidden DOM for screen readers (DESIGN.md, "Widget tree").
//
// imgui's test-engine hooks report every interactive item; our widgets refine the role and
// label of what they draw, and add the plain text items (headings, paragraphs) imgui does not
// report.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

namespace nx::ui {

enum class Role { Button, Link, Tab, Checkbox, Radio, Input, Combo, ListItem, Heading, Text, Image };

std::string_view role_name(Role role);

struct WidgetItem {
  ImGuiID id = 0;
  Role role = Role::Button;
  std::string label;
  ImVec2 min, max;        // the visible part of the item
  bool enabled = true;
  int checked = -1;       // -1: not checkable; 0 / 1 otherwise
  bool focused = false;
  bool has_value = false;
  std::string value;
  int group = 0;          // a radio's group in this frame (radio_group), 0 for none
};

namespace widget_tree {

// Call around each frame: begin before ImGui::NewFrame, end after ImGui::Render.
void begin_frame();
void end_frame();

// Refines the item submitted last (our widgets call this right after their ImGui call). A radio
// joins the group begun last by begin_radio_group.
void tag_last_item(Role role, std::string_view label, int checked = -1);
// Radios tagged from here on are one group of mutually exclusive choices (a row of chips, a
// segmented control): a screen reader says "radio, 2 of 6".
void begin_radio_group();
void tag_last_item_value(std::string_view value);

// Adds an item imgui does not report (text, headings, images), clipped to the current window.
void add_item(Role role, std::string_view label, ImVec2 min, ImVec2 max);

// The items of the last drawn frame, in submission order.
const std::vector<WidgetItem>& last_frame();

// The window.nuanxin.widgets() contract of DESIGN.md, in CSS pixels: imgui's coordinates times
// `scale` (the text size's, when the UI is drawn larger).
nlohmann::json to_json(const std::vector<WidgetItem>& items, float scale = 1.0f);

}  // namespace widget_tree
}  // namespace nx::ui
