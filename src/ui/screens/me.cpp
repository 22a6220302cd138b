// 我的: signing in, what is on this phone and whether it reached the union (sync), changes the
// server refused (to fix or discard), signing out, the language and the text size.
#include <string>

#include <cstdio>

#include "app/device.h"
#include "app/pages.h"
#include "app/phone.h"
#include "core/civil_time.h"
#include "core/kinds/kind_support.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

// "11-30 06:20": the last sync in China time, as a person reads a clock.
std::string local_time(const std::string& iso) {
  const auto ms = civil::parse_datetime_ms(iso);
  if (!ms) return iso;
  const civil::LocalTime t = civil::to_china_local(*ms);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d-%02d %s", t.date.month, t.date.day, civil::format_time_of_day(t.minute).c_str());
  return buf;
}

// What a refused change was, in words: "撤回提问：社保断缴怎么补？".
std::string describe(const app::OutboxEntry& e) {
  std::string what(tr(e.op.del ? S::ChangeDelete : e.op.transition == "cancel" ? S::ChangeWithdraw
                      : !e.op.transition.empty() ? S::ChangeStep : S::ChangeSave));
  if (e.op.kind == "handout" && e.op.transition.empty())  // 发放 refused: where this device gave it
    return std::string(tr(S::ChangeHandout)) + std::string(tr(S::LabelSeparator)) + kinds::field_str(e.op.set, "place");
  const std::string description = kinds::field_str(e.op.set, "description");
  if (!description.empty()) what += std::string(tr(S::LabelSeparator)) + description;
  return what;
}

void draw_sign_in(app::AppState& state) {
  app::SignInForm& f = state.sign_in;
  card_begin("sign_in");
  heading(tr(S::MeSignInTitle));
  paragraph(tr(state.sync.needs_sign_in ? S::SyncNeedsSignIn : f.staff ? S::StaffSignInIntro : S::MeSignInIntro),
            theme::kTextMuted);
  if (f.staff) {
    text_field("username", tr(S::FieldUsername), tr(S::FieldUsernameHint), f.username, Keyboard::Text, 40);
    text_field("password", tr(S::FieldPassword), "", f.password, Keyboard::Password, 200);
  } else {
    text_field("phone", tr(S::FieldPhone), tr(S::FieldPhoneHint), f.phone, Keyboard::Phone, 20);
    if (f.registering) text_field("name", tr(S::FieldName), tr(S::FieldNameHint), f.name, Keyboard::Text, 60);
    text_field("pin", tr(S::FieldPin), tr(S::FieldPinHint), f.pin, Keyboard::Pin, 6);
  }
  if (f.error) paragraph(f.error->message(state.locale), theme::kAccent);
  ImGui::Dummy(ImVec2(0, 4));
  const std::string_view action =
      f.busy ? tr(S::PleaseWait) : tr(f.registering && !f.staff ? S::ButtonRegister : S::ButtonSignIn);
  if (button("submit", action, true, !f.busy && state.services)) {
    if (f.staff) state.services->sign_in_staff(f.username, f.password);
    else if (f.registering) state.services->register_worker(f.phone, f.name, f.pin);
    else state.services->sign_in_worker(f.phone, f.pin);
  }
  if (!f.staff && link_button("switch", tr(f.registering ? S::SwitchToSignIn : S::SwitchToRegister))) {
    f.registering = !f.registering;
    f.error.reset();
  }
  if (link_button("staff", tr(f.staff ? S::WorkerSignInLink : S::StaffSignInLink))) {
    f.staff = !f.staff;
    f.error.reset();
  }
  card_end();
}

void draw_sync(app::AppState& state) {
  const app::SyncStatus& s = state.sync;
  card_begin("sync");
  paragraph(std::string(tr(S::SignedInAs)) + state.user, theme::kTextMuted);
  if (state.loading_progress >= 0)
    paragraph(std::string(tr(S::LoadingStore)) + " " + std::to_string(state.loading_progress));
  if (s.saving > 0) chip(tr(S::SyncSaving), theme::kWarn, theme::kWarnSoft);
  else if (s.pending_ops > 0)
    chip(std::to_string(s.pending_ops) + " " + std::string(tr(S::SyncPending)), theme::kWarn, theme::kWarnSoft);
  else chip(tr(S::SyncAllDone), theme::kOk, theme::kOkSoft);
  if (!s.online) paragraph(tr(S::SyncOfflineNote));
  else if (s.server_unreachable) paragraph(tr(S::SyncServerDown));
  paragraph(s.last_sync.empty() ? std::string(tr(S::SyncNever)) : std::string(tr(S::SyncLast)) + local_time(s.last_sync),
            theme::kTextMuted);
  paragraph(std::string(tr(S::RecordsOnPhone)) + std::to_string(state.records_on_phone), theme::kTextMuted);
  if (state.storage_used >= 0) {
    char used[32];
    std::snprintf(used, sizeof used, "%.1f MB", static_cast<double>(state.storage_used) / (1024 * 1024));
    paragraph(std::string(tr(S::StorageUsed)) + used + " · " +
                  std::string(tr(state.storage_persisted == 1 ? S::StoragePersisted : S::StorageNotPersisted)),
              theme::kTextMuted);
  }
  if (button("sync_now", tr(S::SyncNow), false, s.online && state.services) && state.services) state.services->sync_now();
  card_end();
}

void draw_refused(app::AppState& state) {
  if (!state.services) return;
  const auto refused = state.services->refused();
  if (refused.empty()) return;
  card_begin("refused");
  heading(tr(S::NeedsAttention));
  for (const app::OutboxEntry* e : refused) {
    ImGui::PushID(e->op.op_id.c_str());
    paragraph(describe(*e), theme::kTextMuted);
    if (e->reason) paragraph(e->reason->message(state.locale), theme::kAccent);
    if (button("discard", tr(S::Discard), false)) state.services->discard(e->op.op_id);
    ImGui::PopID();
  }
  card_end();
}

}  // namespace

void draw_me(app::AppState& state) {
  if (const app::Page* page = app::top_page(state); page && state.sync.signed_in) {
    switch (page->kind) {
      case app::PageKind::Join: return draw_join(state);
      case app::PageKind::StationAdmin:
      case app::PageKind::StationEdit: return draw_station_admin(state);
      case app::PageKind::EventAdmin:
      case app::PageKind::EventWrite: return draw_event_admin(state);
      case app::PageKind::ProviderAdmin:
      case app::PageKind::ProviderEdit: return draw_provider_admin(state);
      default: break;
    }
  }
  heading(tr(S::MeTitle));
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kOk);
  if (!state.sync.signed_in || state.sync.needs_sign_in) draw_sign_in(state);
  if (state.sync.signed_in) {
    draw_membership(state);
    draw_skills(state);
    draw_sync(state);
    draw_refused(state);
    card_begin("export");
    paragraph(tr(S::ExportIntro), theme::kTextMuted);
    if (button("export", tr(S::ExportMine), false) && state.services) state.services->export_data(false);
    if (app::is_staff(state))
      if (button("export_members", tr(S::ExportMembers), false) && state.services) state.services->export_data(true);
    card_end();
    if (app::is_staff(state)) {
      card_begin("manage");
      if (link_button("stations", tr(S::StationAdminLink))) {
        app::open_page(state, app::PageKind::StationAdmin);
        state.notice = {};
      }
      if (link_button("events", tr(S::EventAdminLink))) {
        app::open_page(state, app::PageKind::EventAdmin);
        state.notice = {};
      }
      if (link_button("providers", tr(S::ProviderAdminLink))) {
        app::open_page(state, app::PageKind::ProviderAdmin);
        state.notice = {};
      }
      card_end();
    }
    if (button("sign_out", tr(S::SignOut), false) && state.services && !state.services->sign_out())
      state.notice = S::SignOutRefused;
  }

  card_begin("language");
  paragraph(tr(S::MeLanguage), theme::kTextMuted);
  const std::string_view choices[] = {tr(S::LanguageChinese), tr(S::LanguageEnglish)};
  const int current = state.locale == Locale::En ? 1 : 0;
  const int tapped = segmented("locale", choices, 2, current);
  if (tapped >= 0) state.locale = tapped == 1 ? Locale::En : Locale::ZhCN;
  ImGui::Dummy(ImVec2(0, 4));
  paragraph(tr(S::MeTextSize), theme::kTextMuted);
  const std::string_view sizes[] = {tr(S::TextSizeStandard), tr(S::TextSizeLarge), tr(S::TextSizeLarger)};
  const int size = segmented("text_size", sizes, 3, static_cast<int>(state.text_size));
  if (size >= 0 && size != static_cast<int>(state.text_size)) {
    state.text_size = static_cast<app::TextSize>(size);
    if (state.device) state.device->remember_text_size(state.text_size);
  }
  card_end();
}

}  // namespace nx::ui
