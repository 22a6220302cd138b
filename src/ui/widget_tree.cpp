// [SECTION] Collection of the frame's items
// [SECTION] imgui test-engine hooks
// [SECTION] Export
#include "ui/widget_tree.h"

#include <algorithm>

#include <imgui_internal.h>
#include <nlohmann/json.hpp>

namespace nx::ui {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::Tab: return "tab";
    case Role::Checkbox: return "checkbox";
    case Role::Radio: return "radio";
    case Role::Input: return "input";
    case Role::Combo: return "combo";
    case Role::ListItem: return "list-item";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Image: return "image";
  }
  return "text";
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Collection of the frame's items
//-----------------------------------------------------------------------------

std::vector<WidgetItem> g_building;
std::vector<WidgetItem> g_last;
bool g_collecting = false;
int g_groups = 0;  // radio groups begun this frame; the current one is the last

// "Save##form" shows "Save"; "###id" hides everything after it too.
std::string_view visible_label(std::string_view label) {
  return label.substr(0, label.find("##"));
}

WidgetItem* find_item(ImGuiID id) {
  for (auto it = g_building.rbegin(); it != g_building.rend(); ++it)
    if (it->id == id) return &*it;
  return nullptr;
}

// The part of `bb` the person can see in the current window, or false if none.
bool visible_part(const ImRect& bb, ImRect* out) {
  ImGuiWindow* window = ImGui::GetCurrentContext()->CurrentWindow;
  if (!window || window->Hidden || window->SkipItems) return false;
  ImRect clipped = bb;
  clipped.ClipWithFull(window->ClipRect);
  if (clipped.GetWidth() <= 0.5f || clipped.GetHeight() <= 0.5f) return false;
  *out = clipped;
  return true;
}

}  // namespace

namespace widget_tree {

void begin_frame() {
  g_building.clear();
  g_collecting = true;
  g_groups = 0;
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void end_frame() {
  g_collecting = false;
  // Items imgui reported without a label (scrollbars, window parts) mean nothing to a person.
  std::erase_if(g_building, [](const WidgetItem& item) { return item.label.empty(); });
  std::swap(g_last, g_building);
}

void tag_last_item(Role role, std::string_view label, int checked) {
  WidgetItem* item = find_item(ImGui::GetItemID());
  if (!item) return;
  item->role = role;
  item->label = std::string(visible_label(label));
  item->checked = checked;
  item->group = role == Role::Radio ? g_groups : 0;
}

void begin_radio_group() { ++g_groups; }

void tag_last_item_value(std::string_view value) {
  if (WidgetItem* item = find_item(ImGui::GetItemID())) {
    item->has_value = true;
    item->value = std::string(value);
  }
}

void add_item(Role role, std::string_view label, ImVec2 min, ImVec2 max) {
  ImRect visible;
  if (!g_collecting || !visible_part(ImRect(min, max), &visible)) return;
  WidgetItem item;
  item.role = role;
  item.label = std::string(label);
  item.min = visible.Min;
  item.max = visible.Max;
  g_building.push_back(std::move(item));
}

const std::vector<WidgetItem>& last_frame() { return g_last; }

//-----------------------------------------------------------------------------
// [SECTION] Export
//-----------------------------------------------------------------------------

nlohmann::json to_json(const std::vector<WidgetItem>& items, float scale) {
  std::vector<int> group_size;
  for (const WidgetItem& item : items)
    if (item.group > 0) {
      if (group_size.size() <= static_cast<std::size_t>(item.group)) group_size.resize(item.group + 1, 0);
      ++group_size[item.group];
    }
  std::vector<int> seen(group_size.size(), 0);
  auto out = nlohmann::json::array();
  for (const WidgetItem& item : items) {
    nlohmann::json j = {
        {"id", item.id},
        {"role", role_name(item.role)},
        {"label", item.label},
        {"x", item.min.x * scale},
        {"y", item.min.y * scale},
        {"w", (item.max.x - item.min.x) * scale},
        {"h", (item.max.y - item.min.y) * scale},
        {"enabled", item.enabled},
    };
    if (item.checked >= 0) j["checked"] = item.checked == 1;
    if (item.role == Role::Input) j["focused"] = item.focused;
    if (item.has_value) j["value"] = item.value;
    if (item.group > 0) {  // ARIA's names: the place in the group and the group's size
      j["group"] = item.group;
      j["posinset"] = ++seen[item.group];
      j["setsize"] = group_size[item.group];
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace widget_tree
}  // namespace nx::ui

//-----------------------------------------------------------------------------
// [SECTION] imgui test-engine hooks
//-----------------------------------------------------------------------------
// imgui calls these for every item when IMGUI_ENABLE_TEST_ENGINE is defined.

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* item_data) {
  using namespace nx::ui;
  ImRect visible;
  // Windows report themselves with no item data: they are containers, not items.
  if (!g_collecting || !item_data || !visible_part(bb, &visible)) return;
  WidgetItem* item = find_item(id);
  if (!item) {
    g_building.emplace_back();
    item = &g_building.back();
    item->id = id;
  }
  item->min = visible.Min;
  item->max = visible.Max;
  item->enabled = !(item_data && (item_data->InFlags & ImGuiItemFlags_Disabled));
  item->focused = ctx->ActiveId == id;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
  using namespace nx::ui;
  WidgetItem* item = g_collecting ? find_item(id) : nullptr;
  if (!item || !label) return;
  item->label = std::string(visible_label(label));
  if (flags & ImGuiItemStatusFlags_Inputable) {
    item->role = Role::Input;
  } else if (flags & ImGuiItemStatusFlags_Checkable) {
    item->role = Role::Checkbox;
    item->checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
  } else if (flags & ImGuiItemStatusFlags_Openable) {
    item->role = Role::Combo;
  }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
