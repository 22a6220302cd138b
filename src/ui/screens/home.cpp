// 首页: a greeting, what the app does, and the four things most people come for.
#include "app/join.h"
#include "app/phone.h"
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
};
// "申请入会" opens the form straight away for a signed-in worker with nothing under way; anyone
// else lands on 我的, where signing in, their application or their card is.
void open_join_if_new(app::AppState& state) {
  if (!state.services || state.user_role != "worker") return;
  const sync::RecordSource* records = state.services->records();
  if (!records || app::my_membership(*records, state.user_id) || app::my_application(*records, state.user_id)) return;
  app::open_new_application(state);
}
}  // namespace

void draw_home(app::AppState& state) {
  heading(tr(S::HomeGreeting));
  paragraph(tr(S::HomeIntro), theme::kTextMuted);

  const float width = ImGui::CalcItemWidth();  // the column set by the root
  const ImVec2 tile_size((width - theme::kGap) / 2, 112);
  for (int i = 0; i < static_cast<int>(std::size(kQuick)); ++i) {
    if (i % 2) ImGui::SameLine(0, theme::kGap);
    const QuickEntry& q = kQuick[i];
    if (tile(q.id, tr(q.label), q.icon, tile_size)) {
      state.tab = q.target;
      if (q.label == S::HomeQuickJoin) open_join_if_new(state);
    }
  }

  card_begin("offline");
  chip(tr(state.sync.online ? S::Online : S::Offline),
       state.sync.online ? theme::kOk : theme::kWarn,
       state.sync.online ? theme::kOkSoft : theme::kWarnSoft);
  paragraph(tr(S::HomeOfflineNote));
  card_end();
}

}  // namespace nx::ui
