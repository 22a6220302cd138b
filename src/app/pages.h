#pragma once
// How deep the current tab is in its own pages (a request opened from 服务 is one page deep, an
// article opened from 工会知识 two), and closing the top one. The browser's back button (and
// Android's) closes a page before it leaves the tab, as a phone app's back does.
#include "app/app_state.h"

namespace nx::app {

// 0 when the tab shows itself.
int page_depth(const AppState& state);

// Closes the top page of the current tab, as its own ‹ 返回 link would (what was typed stays).
void close_page(AppState& state);

}  // namespace nx::app
