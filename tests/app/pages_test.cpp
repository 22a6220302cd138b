// Navigation as a stack of pages per tab: open pushes, back pops, the tab tapped again returns
// to its screen, and what was typed stays where the ‹ 返回 link keeps it.
#include "app/pages.h"

#include <doctest/doctest.h>

using namespace nx::app;

namespace {

// Closes pages one by one; returns the depths seen, the first being the starting one.
std::vector<int> close_all(AppState& state) {
  std::vector<int> seen{page_depth(state)};
  while (page_depth(state) > 0 && seen.size() < 10) {
    close_page(state);
    seen.push_back(page_depth(state));
  }
  return seen;
}

}  // namespace

TEST_CASE("pages open over the tab and close one at a time, down to the tab") {
  AppState s;
  CHECK(page_depth(s) == 0);
  CHECK(top_page(s) == nullptr);

  s.tab = Tab::Home;
  open_page(s, PageKind::Learn);
  open_page(s, PageKind::Article, "article", "a1");
  CHECK(showing(s, PageKind::Article));
  CHECK(top_page(s)->record_id == "a1");
  CHECK(close_all(s) == std::vector<int>{2, 1, 0});

  open_page(s, PageKind::Article, "article", "a2");  // an announcement opens from 首页 itself
  CHECK(close_all(s) == std::vector<int>{1, 0});

  s.tab = Tab::Services;
  open_page(s, PageKind::Request, "service_request", "r1");
  s.services_view.text = "写了一半的问题";
  CHECK(close_all(s) == std::vector<int>{1, 0});
  CHECK(s.services_view.text == "写了一半的问题");

  s.tab = Tab::Me;
  open_page(s, PageKind::ProviderAdmin);
  open_page(s, PageKind::ProviderEdit, "provider", "p1");
  s.provider_edit.name = "李律师";
  CHECK(close_all(s) == std::vector<int>{2, 1, 0});
  CHECK(s.provider_edit.name == "李律师");
  CHECK(s.pages.empty());  // closed stacks leave nothing behind, so states compare as the same screen
}

TEST_CASE("each tab keeps its own pages; tapping the shown tab again returns to its screen") {
  AppState s;
  s.tab = Tab::Stations;
  open_page(s, PageKind::Station, "station", "st1");
  select_tab(s, Tab::Services);
  CHECK(page_depth(s) == 0);
  open_page(s, PageKind::Request, "service_request", "r1");
  select_tab(s, Tab::Stations);
  REQUIRE(showing(s, PageKind::Station));  // as it was left
  CHECK(top_page(s)->record_id == "st1");
  select_tab(s, Tab::Stations);
  CHECK(page_depth(s) == 0);
  select_tab(s, Tab::Services);
  CHECK(showing(s, PageKind::Request));
}

TEST_CASE("a page opened again is a new opening: it starts at its top") {
  AppState s;
  s.tab = Tab::Inbox;
  open_page(s, PageKind::InboxItem, "service_request", "r1");
  const auto first = top_page(s)->serial;
  close_page(s);
  open_page(s, PageKind::InboxItem, "service_request", "r1");
  CHECK(top_page(s)->serial != first);
}

TEST_CASE("the back button closes pages down to a depth; closing at the screen does nothing") {
  AppState s;
  s.tab = Tab::Me;
  open_page(s, PageKind::StationAdmin);
  open_page(s, PageKind::StationEdit, "station", "st1");
  close_pages_to(s, 1);
  CHECK(showing(s, PageKind::StationAdmin));
  close_pages_to(s, 5);
  CHECK(page_depth(s) == 1);
  close_pages_to(s, 0);
  close_page(s);
  CHECK(page_depth(s) == 0);
}
