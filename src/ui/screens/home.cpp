// 首页: a greeting, what needs the person's attention, the nearest open station, the four
// things most people come for, and the union's news.
#include "app/pages.h"
#include "app/attention.h"
#include "app/device.h"
#include "app/join.h"
#include "app/phone.h"
#include "app/station_finder.h"
#include "core/civil_time.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
struct QuickEntry {
  const char* id;
  S label;
  Icon icon;
  app::Tab target;
};
constexpr QuickEntry kQuick[] = {
    {"join", S::HomeQuickJoin, Icon::Join, app::Tab::Me},
    {"stations", S::HomeQuickStations, Icon::Station, app::Tab::Stations},
    {"legal", S::HomeQuickLegal, Icon::Legal, app::Tab::Services},
    {"cooling", S::HomeQuickEvents, Icon::Sun, app::Tab::Events},
    {"learn", S::HomeQuickLearn, Icon::Book, app::Tab::Home},
    {"jobs", S::HomeQuickJobs, Icon::Briefcase, app::Tab::Home},
};

// "申请入会" opens the form straight away for a signed-in worker with nothing under way; anyone
// else lands on 我的, where signing in, their application or their card is.
void open_join_if_new(app::AppState& state) {
  if (!state.services || state.user_role != "worker") return;
  const sync::RecordSource* records = state.services->records();
  if (!records || app::my_membership(*records, state.user_id) || app::my_application(*records, state.user_id)) return;
  app::open_new_application(state);
}

// The first open: what the app is for, that it works without signal, the language, and the
// way in. Shown until the person signs in or taps 先看看.
void welcome(app::AppState& state) {
  card_begin("welcome");
  heading(tr(S::WelcomeTitle));
  for (S line : {S::WelcomeStations, S::WelcomeServices, S::WelcomeOffline, S::WelcomePrivacy}) paragraph(tr(line));
  const std::string_view choices[] = {tr(S::LanguageChinese), tr(S::LanguageEnglish)};
  if (const int tapped = segmented("locale", choices, 2, state.locale == Locale::En ? 1 : 0); tapped >= 0)
    state.locale = tapped == 1 ? Locale::En : Locale::ZhCN;
  ImGui::Dummy(ImVec2(0, 4));
  const bool join = button("start", tr(S::WelcomeStart));
  const bool later = link_button("later", tr(S::WelcomeLater));
  if (join) {
    state.tab = app::Tab::Me;
    state.sign_in.registering = true;
  }
  if (join || later) {
    state.welcome = false;
    if (state.device) state.device->remember_welcome_seen();
  }
  card_end();
}

// One thing to do: what it is, and a link that goes there.
void attention_row(app::AppState& state, const app::Attention& a, int index) {
  ImGui::PushID(index);
  std::string text;
  S action = S::HomeGoThere;
  switch (a.kind) {
    case app::AttentionKind::ChangesRefused: text = tr(S::HomeRefused, a.title); break;
    case app::AttentionKind::ApplicationNeedsInfo: text = std::string(tr(S::HomeNeedsInfo)) + a.title; break;
    case app::AttentionKind::RequestToConfirm:
      text = std::string(tr(S::HomeToConfirm)) + a.title;
      action = S::HomeConfirmNow;
      break;
    case app::AttentionKind::EventSoon:
      text = std::string(tr(a.tomorrow ? S::Tomorrow : S::Today)) + " " + a.when.substr(11) + " " + a.title;
      break;
  }
  paragraph(text);
  if (link_button("go", tr(action))) {
    switch (a.kind) {
      case app::AttentionKind::ChangesRefused: state.tab = app::Tab::Me; break;
      case app::AttentionKind::ApplicationNeedsInfo: state.tab = app::Tab::Me; break;
      case app::AttentionKind::RequestToConfirm:
        app::open_in_tab(state, app::Tab::Services, app::PageKind::Request, "service_request", a.record_id);
        break;
      case app::AttentionKind::EventSoon: state.tab = app::Tab::Events; break;
    }
  }
  ImGui::PopID();
}

void nearest_open_station(app::AppState& state, const sync::RecordSource& records) {
  if (!state.stations.here) return;
  const auto rows = app::find_stations(app::stations_on_phone(records),
                                       {.open_now_only = true, .here = state.stations.here, .now_ms = app::now_ms(state)});
  if (rows.empty()) return;
  const app::StationRow& nearest = rows.front();
  card_begin("nearest");
  paragraph(tr(S::HomeNearestOpen), theme::kTextMuted, fonts::faces().small);
  paragraph(nearest.station.name, theme::kText, fonts::faces().body_bold);
  if (nearest.distance_km) paragraph(tr(app::distance_text(*nearest.distance_km)), theme::kAccent);
  if (link_button("open-station", tr(S::HomeGoThere))) {
    app::open_in_tab(state, app::Tab::Stations, app::PageKind::Station, "station", nearest.station.id);
  }
  card_end();
}

}  // namespace

void draw_home(app::AppState& state) {
  if (const app::Page* page = app::top_page(state)) {
    if (page->kind == app::PageKind::Learn) return draw_learn(state);
    if (page->kind == app::PageKind::Article) return draw_article(state);
    if (page->kind == app::PageKind::Jobs) return draw_jobs(state);
  }

  const bool signed_in = state.sync.signed_in && !state.user.empty();
  heading(signed_in ? tr(S::HomeGreetingName, state.user) : std::string(tr(S::HomeGreeting)));
  if (state.welcome && !state.sync.signed_in) welcome(state);
  else paragraph(tr(S::HomeIntro), theme::kTextMuted);

  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (records && signed_in) {
    const auto items = app::attention_items(*records, state.user_id, app::now_ms(state), state.sync.rejected_ops);
    if (!items.empty()) {
      card_begin("attention");
      heading(tr(S::NeedsAttention));
      for (std::size_t i = 0; i < items.size(); ++i) attention_row(state, items[i], static_cast<int>(i));
      card_end();
    }
    nearest_open_station(state, *records);
  }

  const float width = ImGui::CalcItemWidth();  // the column set by the root
  const ImVec2 tile_size((width - theme::kGap) / 2, 112);
  const bool member = records && app::my_membership(*records, state.user_id);
  // The handouts of the season: 夏送清凉 from May to September, 冬送温暖 the rest of the year.
  const int month = civil::to_china_local(app::now_ms(state)).date.month;
  const bool summer = month >= 5 && month <= 9;
  for (int i = 0; i < static_cast<int>(std::size(kQuick)); ++i) {
    if (i % 2) ImGui::SameLine(0, theme::kGap);
    const QuickEntry& q = kQuick[i];
    // A member comes for their card where others come to join.
    S label = q.label == S::HomeQuickJoin && member ? S::HomeQuickCard : q.label;
    Icon icon = q.icon;
    if (q.label == S::HomeQuickEvents && !summer) label = S::HomeQuickWinter, icon = Icon::Snowflake;
    if (tile(q.id, tr(label), icon, tile_size)) {
      state.tab = q.target;
      if (q.label == S::HomeQuickJoin) open_join_if_new(state);
      if (q.label == S::HomeQuickLearn) app::open_page(state, app::PageKind::Learn);
      if (q.label == S::HomeQuickJobs) app::open_page(state, app::PageKind::Jobs);
    }
  }
  ImGui::Dummy(ImVec2(0, theme::kGap - ImGui::GetStyle().ItemSpacing.y));
  if (records) draw_announcements(state, *records);

  card_begin("offline");
  chip(tr(state.sync.online ? S::Online : S::Offline),
       state.sync.online ? theme::kOk : theme::kWarn,
       state.sync.online ? theme::kOkSoft : theme::kWarnSoft);
  paragraph(tr(S::HomeOfflineNote));
  card_end();
}

}  // namespace nx::ui
