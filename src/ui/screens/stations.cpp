// 驿站: the rest stations nearest the worker, narrowed by what they need and "open now", as a
// list or a sketch map, and a station's own page with its hours, a call button and directions.
#include <algorithm>
#include <cmath>

#include "app/pages.h"
#include "app/device.h"
#include "app/phone.h"
#include "core/civil_time.h"
#include "core/messages/calendar_words.h"
#include "ui/fonts.h"
#include "ui/screens/labels.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

using AmenityLabel = LabelledName;

std::string_view amenity_text(std::string_view name) {
  for (const AmenityLabel& a : kAmenityLabels)
    if (a.name == name) return tr(a.label);
  return name;
}


struct OpenText {
  std::string text;
  bool open;
};

// "开放中 · 20:30 关门", "已关门 · 07:30 开门", "暂停开放".
OpenText open_text(const services::Station& s, const services::OpenNow& open, std::int64_t now_ms) {
  if (s.status == "temporarily_closed") return {std::string(tr(S::StationTempClosed)), false};
  std::string text(tr(open.open ? S::StationOpen : S::StationClosed));
  if (open.open && s.hours.always_open) return {text + " · " + std::string(tr(S::StationOpen24h)), true};
  if (!open.minutes_to_change) return {text, open.open};
  const int minutes = *open.minutes_to_change;
  if (open.open && minutes < 60) return {text + " · " + tr(S::StationClosesIn, std::to_string(minutes)), true};
  const civil::LocalTime at = civil::to_china_local(now_ms + std::int64_t{minutes} * 60000);
  const std::string clock = civil::format_time_of_day(at.minute);
  const civil::Date today = civil::to_china_local(now_ms).date;
  const civil::Date tomorrow = civil::to_china_local(now_ms + 24 * 3600 * 1000LL).date;
  std::string when = at.date == today      ? clock
                     : at.date == tomorrow ? std::string(tr(S::Tomorrow)) + " " + clock
                                           : std::string(tr(kWeekdayWords[civil::weekday(at.date)])) + " " + clock;
  return {text + " · " + tr(open.open ? S::StationClosesAt : S::StationOpensAt, when), open.open};
}

std::string amenities_line(const services::Station& s) {
  std::string line;
  for (const AmenityLabel& a : kAmenityLabels)
    if (s.has(a.name)) line += (line.empty() ? "" : std::string(tr(S::ListSeparator))) + std::string(tr(a.label));
  return line;
}

void draw_text(ImDrawList* dl, ImFont* font, ImVec2 at, ImU32 color, std::string_view text, float wrap) {
  fonts::note_text(text);
  dl->AddText(font, font->FontSize, at, color, text.data(), text.data() + text.size(), wrap);
}

float text_height(ImFont* font, std::string_view text, float wrap) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.data(), text.data() + text.size()).y;
}

// One station in the list: a tappable card with its name, distance, whether it is open and
// what it has.
bool station_row(const app::StationRow& row, std::int64_t now_ms) {
  const services::Station& s = row.station;
  const fonts::Faces& f = fonts::faces();
  const float width = ImGui::CalcItemWidth();
  const float pad = 14;
  const std::string distance = row.distance_km ? tr(app::distance_text(*row.distance_km)) : "";
  const float distance_w = distance.empty() ? 0 : f.body->CalcTextSizeA(f.body->FontSize, FLT_MAX, 0, distance.c_str()).x + 12;
  const float name_wrap = width - 2 * pad - distance_w;
  const OpenText open = open_text(s, row.open, now_ms);
  const std::string amenities = amenities_line(s);
  const float name_h = text_height(f.body_bold, s.name, name_wrap);
  const float status_h = f.body->FontSize + 4;
  const float amen_h = text_height(f.body, amenities, width - 2 * pad);
  const float height = pad + name_h + 6 + status_h + 4 + amen_h + pad;

  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::PushID(s.id.c_str());
  const bool tapped = ImGui::InvisibleButton("station", ImVec2(width, height));
  ImGui::PopID();
  widget_tree::tag_last_item(Role::ListItem, s.name);
  // What a screen reader says after the name, and what tests read.
  widget_tree::tag_last_item_value((distance.empty() ? "" : distance + std::string(tr(S::ClauseSeparator))) + open.text + std::string(tr(S::ClauseSeparator)) + amenities);
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, theme::kSurface, theme::kRadius);
  dl->AddRect(min, max, theme::kBorder, theme::kRadius);
  if (ImGui::IsItemActive()) dl->AddRectFilled(min, max, theme::kPressedOverlay, theme::kRadius);
  float y = min.y + pad;
  draw_text(dl, f.body_bold, ImVec2(min.x + pad, y), theme::kText, s.name, name_wrap);
  if (!distance.empty()) draw_text(dl, f.body, ImVec2(max.x - pad - distance_w + 12, y), theme::kAccent, distance, 0);
  y += name_h + 6;
  const ImU32 dot = open.open ? theme::kOk : theme::kWarn;
  dl->AddCircleFilled(ImVec2(min.x + pad + 5, y + status_h / 2 - 1), 5, dot);
  draw_text(dl, f.body, ImVec2(min.x + pad + 16, y), open.open ? theme::kOk : theme::kWarn, open.text, 0);
  y += status_h + 4;
  draw_text(dl, f.body, ImVec2(min.x + pad, y), theme::kTextMuted, amenities, width - 2 * pad);
  ImGui::Dummy(ImVec2(0, theme::kGap - ImGui::GetStyle().ItemSpacing.y));
  return tapped;
}

// The sketch map: stations at their true bearing and scale from each other, the person as a
// blue dot, open stations green. No tiles, so it works with no network.
void station_map(app::AppState& state, const std::vector<app::StationRow>& rows) {
  const float width = ImGui::CalcItemWidth();
  const float height = std::min(300.0f, width * 0.85f);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, IM_COL32(0xEE, 0xF3, 0xF0, 0xFF), theme::kRadius);
  dl->AddRect(min, max, theme::kBorder, theme::kRadius);
  ImGui::Dummy(ImVec2(width, height));
  if (rows.empty() && !state.stations.here) return;

  double lat0 = 90, lat1 = -90, lng0 = 180, lng1 = -180;
  auto extend = [&](double lat, double lng) {
    lat0 = std::min(lat0, lat), lat1 = std::max(lat1, lat), lng0 = std::min(lng0, lng), lng1 = std::max(lng1, lng);
  };
  for (const auto& r : rows) extend(r.station.lat, r.station.lng);
  if (state.stations.here) extend(state.stations.here->lat, state.stations.here->lng);
  // East-west degrees shrink with latitude; one scale for both keeps true shapes.
  const double x_per_lng = std::cos((lat0 + lat1) / 2 * 3.14159265358979 / 180);
  const double span_x = std::max((lng1 - lng0) * x_per_lng, 0.005), span_y = std::max(lat1 - lat0, 0.005);
  const float margin = 26;
  const double scale = std::min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y);
  const ImVec2 centre((min.x + max.x) / 2, (min.y + max.y) / 2);
  auto at = [&](double lat, double lng) {
    return ImVec2(centre.x + static_cast<float>(((lng - (lng0 + lng1) / 2) * x_per_lng) * scale),
                  centre.y - static_cast<float>((lat - (lat0 + lat1) / 2) * scale));
  };
  dl->PushClipRect(min, max, true);
  const ImFont* small = fonts::faces().small;
  for (std::size_t i = rows.size(); i-- > 0;) {  // the nearest drawn last, on top
    const auto& r = rows[i];
    const ImVec2 p = at(r.station.lat, r.station.lng);
    const bool open = r.open.open;
    dl->AddCircleFilled(p, 12, open ? theme::kOk : theme::kTextMuted);
    dl->AddCircle(p, 12, theme::kSurface, 0, 2);
    const std::string n = std::to_string(i + 1);
    const ImVec2 ts = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, n.c_str());
    dl->AddText(small, small->FontSize, ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), theme::kSurface, n.c_str());
    ImGui::SetCursorScreenPos(ImVec2(p.x - 20, p.y - 20));
    ImGui::PushID(r.station.id.c_str());
    if (ImGui::InvisibleButton("dot", ImVec2(40, 40))) app::open_page(state, app::PageKind::Station, "station", r.station.id);
    ImGui::PopID();
    widget_tree::tag_last_item(Role::Button, std::to_string(i + 1) + ". " + r.station.name);
  }
  if (state.stations.here) {
    const ImVec2 p = at(state.stations.here->lat, state.stations.here->lng);
    dl->AddCircleFilled(p, 16, IM_COL32(0x1A, 0x73, 0xE8, 0x40));
    dl->AddCircleFilled(p, 8, IM_COL32(0x1A, 0x73, 0xE8, 0xFF));
    dl->AddCircle(p, 8, theme::kSurface, 0, 2);
  }
  dl->PopClipRect();
  ImGui::SetCursorScreenPos(ImVec2(min.x, max.y));
  ImGui::Dummy(ImVec2(0, 4));
  paragraph(tr(S::StationMapNote), theme::kTextMuted);
}

void where_am_i(app::AppState& state, const std::vector<services::Station>& stations) {
  app::StationsView& view = state.stations;
  const auto records = state.services ? state.services->records() : nullptr;
  if (view.locating) {
    paragraph(tr(S::StationsLocating), theme::kTextMuted);
  } else if (view.here) {
    const std::string where = view.here->label.empty() ? std::string(tr(S::StationsNearMe))
                                                       : std::string(tr(S::StationsNearTown)) + view.here->label;
    paragraph(where, theme::kTextMuted);
    if (!view.choosing_town) {
      ImGui::SameLine();
      const std::string_view change = tr(S::StationsChooseTown);
      const float need = ImGui::CalcTextSize(change.data(), change.data() + change.size()).x + 8;
      if (ImGui::GetCursorPosX() + need > ImGui::GetContentRegionMax().x) ImGui::NewLine();
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (theme::kTouchTarget - ImGui::GetTextLineHeight()) / 2);
      if (link_button("elsewhere", tr(S::StationsChooseTown))) view.choosing_town = true;
    }
  } else if (state.device && !view.locate_failed) {
    if (button("locate", tr(S::StationsLocate), false)) state.device->locate();
  }
  if (view.locate_failed) paragraph(tr(S::StationsLocateFailed), theme::kWarn);
  if ((view.locate_failed || view.choosing_town) && records) {
    bool first = true;
    for (const app::Town& t : app::towns_with_stations(stations, *records)) {
      const bool chosen = view.here && view.here->label == t.name;
      if (choice_chip(t.unit_id.c_str(), t.name, chosen, first)) {
        view.here = t.place;
        view.choosing_town = view.locate_failed = false;
      }
      first = false;
    }
  }
}

// "Open now" and the four things asked for most; the rest behind "更多设施", so the list itself
// starts on the first screen. A chosen amenity stays in sight.
void filters(app::StationsView& view) {
  constexpr std::size_t kFirst = 4;
  if (toggle_chip("open-now", tr(S::StationsOpenNow), view.open_now_only, true)) view.open_now_only = !view.open_now_only;
  for (std::size_t i = 0; i < std::size(kAmenityLabels); ++i) {
    const AmenityLabel& a = kAmenityLabels[i];
    auto it = std::find(view.amenities.begin(), view.amenities.end(), a.name);
    const bool on = it != view.amenities.end();
    if (i >= kFirst && !view.more_filters && !on) continue;
    if (toggle_chip(a.name.data(), tr(a.label), on, false)) {
      if (on) view.amenities.erase(it);
      else view.amenities.emplace_back(a.name);
    }
  }
  if (toggle_chip("more", tr(view.more_filters ? S::StationsFewerFilters : S::StationsMoreFilters), false, false))
    view.more_filters = !view.more_filters;
}

std::string hours_line(const services::OpeningHours& hours, int day) {
  std::string line;
  for (const services::Interval& i : hours.week[day])
    line += (line.empty() ? "" : std::string(tr(S::ClauseSeparator))) + civil::format_time_of_day(i.open) + "–" + civil::format_time_of_day(i.close % 1440);
  return line.empty() ? std::string(tr(S::StationDayClosed)) : line;
}

void station_page(app::AppState& state, const services::Station& s) {
  const std::int64_t now_ms = app::now_ms(state);
  if (link_button("back", tr(S::StationBack))) return app::close_page(state);
  heading(s.name);
  const OpenText open = open_text(s, services::open_now(s, now_ms), now_ms);
  chip(open.text, open.open ? theme::kOk : theme::kWarn, open.open ? theme::kOkSoft : theme::kWarnSoft);
  if (!s.status_note.empty()) paragraph(s.status_note, theme::kWarn);
  if (state.stations.here) {
    const double km = services::haversine_km(state.stations.here->lat, state.stations.here->lng, s.lat, s.lng);
    paragraph(tr(app::distance_text(km)), theme::kAccent, fonts::faces().body_bold);
  }

  if (const std::string tel = app::phone_link(s); !tel.empty() && state.device)
    if (button("call", tr(S::StationCall, s.phone), true)) state.device->open_url(tel);
  if (state.device && button("directions", tr(S::StationDirections), false)) state.device->open_url(app::map_link(s));

  card_begin("where");
  paragraph(tr(S::StationAddress), theme::kTextMuted, fonts::faces().small);
  paragraph(s.address);
  card_end();

  card_begin("hours");
  paragraph(tr(S::StationHours), theme::kTextMuted, fonts::faces().small);
  if (s.hours.always_open) {
    paragraph(tr(S::StationOpen24h));
  } else {
    for (int d = 0; d < 7; ++d) paragraph(std::string(tr(kWeekdayWords[d])) + "  " + hours_line(s.hours, d));
  }
  if (!s.hours.closed_dates.empty()) {
    std::string dates;
    for (const civil::Date& d : s.hours.closed_dates) dates += (dates.empty() ? "" : std::string(tr(S::ClauseSeparator))) + civil::format_date(d);
    paragraph(std::string(tr(S::StationHolidays)) + dates, theme::kTextMuted);
  }
  card_end();

  card_begin("amenities");
  paragraph(tr(S::StationAmenities), theme::kTextMuted, fonts::faces().small);
  bool first = true;
  for (const std::string& a : s.amenities) {
    if (!first) ImGui::SameLine(0, 8);
    chip(amenity_text(a), theme::kOk, theme::kOkSoft);
    first = false;
  }
  card_end();
}

}  // namespace

void draw_stations(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  const std::vector<services::Station> stations = records ? app::stations_on_phone(*records) : std::vector<services::Station>{};
  app::StationsView& view = state.stations;
  if (const app::Page* page = app::top_page(state)) {
    const auto it = std::find_if(stations.begin(), stations.end(), [&](const auto& s) { return s.id == page->record_id; });
    if (it != stations.end()) return station_page(state, *it);
    app::close_page(state);  // gone from the phone
  }

  heading(tr(S::StationsTitle));
  paragraph(tr(S::StationsIntro), theme::kTextMuted);
  if (!records) {
    // The station list comes with the union's data at the first sync after signing in.
    card_begin("sign-in");
    paragraph(tr(S::StationsSignInFirst));
    if (button("to-me", tr(S::GoSignIn))) state.tab = app::Tab::Me;
    card_end();
    return;
  }
  text_field("search", tr(S::StationsSearch), tr(S::StationsSearchHint), view.query);
  where_am_i(state, stations);
  ImGui::Dummy(ImVec2(0, 2));
  filters(view);

  const std::int64_t now_ms = app::now_ms(state);
  const auto rows = app::find_stations(stations, {.text = view.query, .amenities = view.amenities,
                                                  .open_now_only = view.open_now_only, .here = view.here, .now_ms = now_ms});
  ImGui::Dummy(ImVec2(0, 4));
  const std::string_view modes[] = {tr(S::StationsListView), tr(S::StationsMapView)};
  if (const int m = segmented("mode", modes, 2, view.show_map ? 1 : 0); m >= 0) view.show_map = m == 1;
  paragraph(tr(S::StationsCount, std::to_string(rows.size())), theme::kTextMuted);
  if (view.show_map) station_map(state, rows);
  if (rows.empty()) {
    card_begin("none");
    paragraph(tr(S::StationsNone), theme::kTextMuted);
    card_end();
  }
  for (const app::StationRow& row : rows)
    if (station_row(row, now_ms)) app::open_page(state, app::PageKind::Station, "station", row.station.id);
}

}  // namespace nx::ui
