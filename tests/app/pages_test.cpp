// The back button's model: each tab's pages have a depth, and closing the top page goes one
// level up, down to the tab itself, keeping what was typed where the ‹ 返回 link keeps it.
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

TEST_CASE("every tab's pages close one level at a time, down to the tab") {
  AppState s;
  CHECK(page_depth(s) == 0);

  s.tab = Tab::Home;
  s.home.page = "article";  // no records to tell an announcement: opened from 工会知识
  CHECK(close_all(s) == std::vector<int>{2, 1, 0});
  CHECK(s.home.page.empty());

  s.tab = Tab::Services;
  s.services_view.open_id = "r1";
  s.services_view.text = "写了一半的问题";
  CHECK(close_all(s) == std::vector<int>{1, 0});
  CHECK(s.services_view.text == "写了一半的问题");

  s.tab = Tab::Stations;
  s.stations.open_id = "st1";
  CHECK(close_all(s) == std::vector<int>{1, 0});

  s.tab = Tab::Inbox;
  s.inbox.open_kind = "service_request";
  s.inbox.open_id = "r2";
  CHECK(close_all(s) == std::vector<int>{1, 0});
  CHECK(s.inbox.open_kind.empty());

  s.tab = Tab::Visits;
  s.visit.open = true;
  s.visit.summary = "骑手反映午休没地方";
  CHECK(close_all(s) == std::vector<int>{1, 0});
  CHECK(s.visit.summary == "骑手反映午休没地方");
}

TEST_CASE("我的: the page lists, then the record being edited, close in that order") {
  AppState s;
  s.tab = Tab::Me;
  s.join.open = true;
  s.join.name = "王师傅";
  CHECK(close_all(s) == std::vector<int>{1, 0});
  CHECK(s.join.name == "王师傅");

  s.station_edit.open = true;
  s.station_edit.id = "st1";
  CHECK(close_all(s) == std::vector<int>{2, 1, 0});

  s.event_form.open = true;
  s.event_form.writing = true;
  CHECK(close_all(s) == std::vector<int>{2, 1, 0});

  s.provider_edit.open = true;
  s.provider_edit.editing = true;
  s.provider_edit.name = "李律师";
  CHECK(close_all(s) == std::vector<int>{2, 1, 0});
  CHECK_FALSE(s.provider_edit.open);
}

TEST_CASE("tabs without pages are always at depth 0") {
  AppState s;
  for (Tab t : {Tab::Events, Tab::Enrol, Tab::Check, Tab::Dashboard}) {
    s.tab = t;
    CHECK(page_depth(s) == 0);
    close_page(s);
    CHECK(page_depth(s) == 0);
  }
}
