#include "app/pages.h"

namespace nx::app {

void open_page(AppState& state, PageKind kind, std::string record_kind, std::string record_id) {
  state.pages[state.tab].push_back(Page{kind, std::move(record_kind), std::move(record_id), ++state.pages_opened});
}

void open_in_tab(AppState& state, Tab tab, PageKind kind, std::string record_kind, std::string record_id) {
  state.tab = tab;
  close_pages_to(state, 0);
  open_page(state, kind, std::move(record_kind), std::move(record_id));
}

const Page* top_page(const AppState& state) {
  const auto it = state.pages.find(state.tab);
  return it == state.pages.end() || it->second.empty() ? nullptr : &it->second.back();
}

bool showing(const AppState& state, PageKind kind) {
  const Page* top = top_page(state);
  return top && top->kind == kind;
}

int page_depth(const AppState& state) {
  const auto it = state.pages.find(state.tab);
  return it == state.pages.end() ? 0 : static_cast<int>(it->second.size());
}

void close_pages_to(AppState& state, int depth) {
  const auto it = state.pages.find(state.tab);
  if (it == state.pages.end()) return;
  if (depth <= 0) state.pages.erase(it);  // an empty stack is no stack: states compare equal
  else if (static_cast<int>(it->second.size()) > depth) it->second.resize(static_cast<std::size_t>(depth));
}

void close_page(AppState& state) { close_pages_to(state, page_depth(state) - 1); }

void select_tab(AppState& state, Tab tab) {
  if (state.tab == tab) {
    close_pages_to(state, 0);
    return;
  }
  state.tab = tab;
  state.notice = {};  // a message belongs to the screen it was said on
}

}  // namespace nx::app
