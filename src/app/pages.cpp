#include "app/pages.h"

#include "app/phone.h"

namespace nx::app {

namespace {

// An announcement opens from 首页 itself; every other article from 工会知识.
bool article_from_home(const AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  const sync::Record* article = records ? records->get("article", state.home.article_id) : nullptr;
  return article && article->str("category") == "announcement";
}

}  // namespace

int page_depth(const AppState& state) {
  switch (state.tab) {
    case Tab::Home:
      if (state.home.page.empty()) return 0;
      return state.home.page == "article" && !article_from_home(state) ? 2 : 1;
    case Tab::Stations: return state.stations.open_id.empty() ? 0 : 1;
    case Tab::Services: return state.services_view.open_id.empty() ? 0 : 1;
    case Tab::Inbox: return state.inbox.open_id.empty() ? 0 : 1;
    case Tab::Visits: return state.visit.open ? 1 : 0;
    case Tab::Me:
      if (state.join.open) return 1;
      if (state.station_edit.open) return state.station_edit.id.empty() ? 1 : 2;
      if (state.event_form.open) return state.event_form.writing ? 2 : 1;
      if (state.provider_edit.open) return state.provider_edit.editing ? 2 : 1;
      return 0;
    default: return 0;
  }
}

void close_page(AppState& state) {
  switch (state.tab) {
    case Tab::Home:
      state.home.page = state.home.page == "article" && !article_from_home(state) ? "learn" : "";
      break;
    case Tab::Stations: state.stations.open_id.clear(); break;
    case Tab::Services: state.services_view.open_id.clear(); break;
    case Tab::Inbox:
      state.inbox.open_kind.clear();
      state.inbox.open_id.clear();
      break;
    case Tab::Visits: state.visit.open = false; break;
    case Tab::Me:
      if (state.join.open) state.join.open = false;
      else if (state.station_edit.open) state.station_edit = StationEdit{!state.station_edit.id.empty()};
      else if (state.event_form.writing) state.event_form.writing = false;
      else if (state.event_form.open) state.event_form.open = false;
      else if (state.provider_edit.editing) state.provider_edit = ProviderEdit{true};
      else state.provider_edit.open = false;
      break;
    default: break;
  }
}

}  // namespace nx::app
