#pragma once
// Navigation: each tab keeps a stack of pages opened over its own screen (a request opened
// from 服务 is one page deep, an article opened from 工会知识 two). Opening pushes, back pops,
// tapping the tab again pops to its screen, and a page opened anew starts at its top. The
// browser's back button (and Android's) pops a page before it leaves the tab, as a phone
// app's back does; the address shows the depth ("#/services/1").
#include "app/pages.h"
#include "app/app_state.h"

namespace nx::app {

// Opens a page over the current tab.
void open_page(AppState& state, PageKind kind, std::string record_kind = "", std::string record_id = "");
// Goes to `tab` and shows a page of it straight over its screen (a link from 首页 to a request).
void open_in_tab(AppState& state, Tab tab, PageKind kind, std::string record_kind = "", std::string record_id = "");
// The page on top of the current tab; null when the tab shows its own screen.
const Page* top_page(const AppState& state);
// Whether `kind` is on top of the current tab.
bool showing(const AppState& state, PageKind kind);
// 0 when the tab shows itself.
int page_depth(const AppState& state);
// Closes the top page of the current tab, as its own ‹ 返回 link would (what was typed stays).
void close_page(AppState& state);
// Closes pages of the current tab until `depth` are left.
void close_pages_to(AppState& state, int depth);
// A tab tapped: another tab is shown as it was left; the same tab again returns to its screen.
void select_tab(AppState& state, Tab tab);

}  // namespace nx::app
