// 待办 (staff): what waits for the staff member's union and the unions below it — membership
// applications to decide and service requests to assign (配单) and deliver (送单) — oldest
// first, narrowed by kind or overdue; each opens on a page of its own with its actions. Every
// decision is saved on the device first and syncs when there is signal.
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "app/pages.h"
#include "app/device.h"
#include "app/phone.h"
#include "app/staff_inbox.h"
#include "app/staff_review.h"
#include "core/civil_time.h"
#include "core/membership/application.h"
#include "core/membership/trades.h"
#include "core/membership/unit.h"
#include "core/services/service_request.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/labels.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

std::string unit_name(const sync::RecordSource& records, const std::string& unit_id) {
  const sync::Record* r = records.get(membership::kUnitKind, unit_id);
  return r ? r->str("name") : unit_id;
}

std::string trade_text(const std::string& trade) {
  const auto t = membership::parse_trade(trade);
  return t ? std::string(tr(membership::trade_label(*t))) : trade;
}

std::string waited(std::int64_t since_ms, std::int64_t now_ms) {
  const std::int64_t days = since_ms > 0 ? (now_ms - since_ms) / kDayMs : 0;
  return days < 1 ? std::string(tr(S::InboxWaitedToday)) : tr(S::InboxWaitedDays, std::to_string(days));
}

// Back to the list with `message` said there.
void back_to_list(app::AppState& state, app::Notice message) {
  app::close_page(state);
  state.inbox.reason.clear();
  state.inbox.provider_id.clear();
  state.inbox.due_date.clear();
  state.notice = std::move(message);
}

void fact(S label, const std::string& value) {
  if (value.empty()) return;
  paragraph(tr(label), theme::kTextMuted, fonts::faces().small);
  paragraph(value);
}

// 修改记录 from the server's audit trail, when asked for (it needs signal).
void history(app::AppState& state, const sync::Record& r) {
  const app::HistoryView& h = state.history;
  card_begin("history");
  form_label(S::HistoryTitle);
  if (h.kind != r.kind || h.id != r.id) {
    if (button("history", tr(S::HistoryShow), false, state.sync.online)) state.services->load_history(r.kind, r.id);
    if (!state.sync.online) paragraph(tr(S::HistoryNeedsSignal), theme::kTextMuted, fonts::faces().small);
  } else if (h.loading) {
    paragraph(tr(S::PleaseWait), theme::kTextMuted);
  } else if (h.error) {
    paragraph(h.error->message(state.locale), theme::kWarn);
  } else {
    for (const app::HistoryLine& line : h.lines) {
      const civil::LocalTime t = civil::to_china_local(line.at_ms);
      char when[24];
      std::snprintf(when, sizeof when, "%02d-%02d %s", t.date.month, t.date.day, civil::format_time_of_day(t.minute).c_str());
      paragraph(std::string(when) + " · " + line.who + " · " + line.text(state.locale) + (line.refused ? std::string(tr(S::HistoryRefused)) : ""),
                line.refused ? theme::kAccent : theme::kText);
    }
  }
  card_end();
}

void application_page(app::AppState& state, const sync::Record& a, const sync::RecordSource& records) {
  app::InboxView& v = state.inbox;
  heading(std::string(tr(S::InboxApplication)) + " · " + a.str("name"));
  if (state.services->unsynced(a.kind, a.id)) chip(tr(S::StatusWaiting), theme::kWarn, theme::kWarnSoft);
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kAccent);

  card_begin("person");
  fact(S::FieldPhone, a.str("phone"));
  fact(S::ReviewTrade, trade_text(a.str("trade")));
  fact(S::ReviewEmployer, a.str("employer"));
  fact(S::ReviewUnit, unit_name(records, a.str("unit_id")));
  if (const auto at = civil::parse_datetime_ms(a.str("submitted_at"))) {
    const civil::LocalTime t = civil::to_china_local(*at);
    fact(S::ReviewSubmitted, civil::format_date(t.date) + " " + civil::format_time_of_day(t.minute));
  }
  fact(S::ReviewInfoReply, a.str("info_reply"));
  card_end();

  // 查重 before deciding: the same phone, or the same name and employer. Both, and the member
  // number approving issues, need every member on the phone.
  const bool reading = says_still_reading(state);
  const auto duplicates = reading ? std::vector<membership::DuplicateMatch>{} : app::application_duplicates(a, records);
  card_begin("duplicates");
  if (reading) {
    paragraph(tr(S::PleaseWait), theme::kTextMuted);
  } else if (duplicates.empty()) {
    paragraph(tr(S::ReviewNoDuplicates), theme::kOk);
  } else {
    paragraph(tr(S::ReviewDuplicates), theme::kWarn, fonts::faces().body_bold);
    for (const membership::DuplicateMatch& m : duplicates) {
      std::string line = m.name + " · " + m.masked_phone;
      if (!m.member_no.empty()) line += " · " + m.member_no;
      paragraph(line);
      paragraph(tr(m.reason), theme::kTextMuted, fonts::faces().small);
    }
  }
  card_end();

  if (button("approve", tr(S::ReviewApprove), true, !reading)) {
    if (save_or_say(state, app::approve_application(a, state.services->new_id()))) {
      const sync::Record* now = records.get(a.kind, a.id);
      return back_to_list(state, app::Notice{S::ReviewApproved, {a.str("name") + " · " + (now ? now->str("member_no") : "")}});
    }
  }
  card_begin("refuse");
  text_field("reason", tr(S::ReviewReason), tr(S::ReviewReasonHint), v.reason, Keyboard::Text, 500);
  if (button("ask", tr(S::ReviewAskInfo), false, !v.reason.empty()) &&
      save_or_say(state, app::ask_for_information(a, v.reason)))
    return back_to_list(state, S::ReviewAsked);
  if (button("reject", tr(S::ReviewReject), false, !v.reason.empty()) &&
      save_or_say(state, app::reject_application(a, v.reason)))
    return back_to_list(state, S::ReviewRejected);
  card_end();
  history(state, a);
}

void request_page(app::AppState& state, const sync::Record& r, const sync::RecordSource& records) {
  app::InboxView& v = state.inbox;
  const std::int64_t now = app::now_ms(state);
  heading(category_text(r.str("category")));
  if (state.services->unsynced(r.kind, r.id)) chip(tr(S::StatusWaiting), theme::kWarn, theme::kWarnSoft);
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kAccent);
  card_begin("asked");
  fact(S::RequestAsked, r.str("description"));
  fact(S::RequestUnit, unit_name(records, r.str("unit_id")));
  const std::string status = r.str("status");
  paragraph(tr(kStages[stage_index(status)]), theme::kText, fonts::faces().body_bold);
  if (const sync::Record* p = records.get("provider", r.str("provider_id"))) fact(S::HandledBy, p->str("name"));
  if (!r.str("due_date").empty()) {
    const bool overdue = services::is_overdue(r.fields, now);
    paragraph(std::string(tr(S::DueDate)) + r.str("due_date") + (overdue ? std::string(tr(S::Overdue)) : ""),
              overdue ? theme::kAccent : theme::kTextMuted);
  }
  card_end();

  // 配单: who delivers it and by when; again from 已配单 to hand it to someone else.
  card_begin("match");
  form_label(S::RequestProvider);
  const UnitTree units = membership::units_from(records);
  const auto providers = app::providers_for(r, records, units);
  if (providers.empty()) paragraph(tr(S::RequestNoProvider), theme::kTextMuted);
  bool first = true;
  for (const sync::Record* p : providers) {
    if (choice_chip(p->id.c_str(), p->str("name"), v.provider_id == p->id, first)) v.provider_id = p->id;
    first = false;
  }
  if (v.due_date.empty()) v.due_date = civil::format_date(civil::from_days(civil::china_day(now) + 7));
  text_field("due", tr(S::RequestDue), "2026-07-08", v.due_date, Keyboard::Numeric, 10);
  if (button("match", tr(S::RequestMatch), status != "matched", !v.provider_id.empty()) &&
      save_or_say(state, app::match_request(r, v.provider_id, v.due_date)))
    return back_to_list(state, S::RequestMatched);
  card_end();
  if (status == "matched" && button("deliver", tr(S::RequestDeliver), true) && save_or_say(state, app::deliver_request(r)))
    return back_to_list(state, S::RequestDelivered);
  request_thread(state, r, records, v.reply);
  history(state, r);
}

// One row of the list, the same height whatever its words (they are cut to a line), so that
// only the rows on screen are drawn.
void inbox_row(app::AppState& state, const app::InboxItem& item, const sync::RecordSource& records, std::int64_t now) {
  const sync::Record& r = *item.record;
  ImGui::PushID(r.id.c_str());
  const bool application = r.kind == membership::kApplicationKind;
  chip(application ? tr(S::InboxApplication) : category_text(r.str("category")), theme::kAccent, theme::kAccentSoft);
  ImGui::SameLine(0, 8);
  if (item.overdue) {
    chip(tr(S::Overdue), theme::kWarn, theme::kWarnSoft);
    ImGui::SameLine(0, 8);
  }
  paragraph(waited(item.since_ms, now), theme::kTextMuted, fonts::faces().small);
  if (application) single_line(r.str("name") + " · " + trade_text(r.str("trade")) + (r.str("employer").empty() ? "" : " · " + r.str("employer")));
  else single_line(r.str("description"));
  single_line(unit_name(records, r.str("unit_id")), theme::kTextMuted, fonts::faces().small);
  if (link_button("open", tr(S::InboxOpen))) {
    app::open_page(state, app::PageKind::InboxItem, r.kind, r.id);
    state.notice = {};
  }
  ImGui::Dummy(ImVec2(0, 6));
  ImGui::PopID();
}

// The characters of a row that come from data: names, employers, what was asked, the unit.
void note_row_text(const app::InboxItem& item, const sync::RecordSource& records) {
  const sync::Record& r = *item.record;
  for (const char* field : {"name", "employer", "description"}) fonts::note_text_ahead(r.str_ref(field));
  fonts::note_text_ahead(unit_name(records, r.str_ref("unit_id")));
}

}  // namespace

void draw_inbox(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  app::InboxView& v = state.inbox;
  if (!records) return;
  if (const app::Page* page = app::top_page(state)) {
    if (link_button("back", tr(S::InboxBack))) return back_to_list(state, {});
    const sync::Record* r = records->get(page->record_kind, page->record_id);
    if (r && !r->deleted) {
      if (r->kind == membership::kApplicationKind) return application_page(state, *r, *records);
      return request_page(state, *r, *records);
    }
    back_to_list(state, {});
  }

  heading(tr(S::InboxTitle));
  paragraph(tr(S::InboxIntro), theme::kTextMuted);
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kOk);
  const std::int64_t now = app::now_ms(state);
  // What waits is kept between frames until the records, the unit or the day in China (what
  // is overdue: due dates are China dates) change: a district's list is long, and scrolling it
  // draws many frames. A character typed into the search only filters it again.
  struct KeptWork {
    std::uint64_t revision = 0;
    std::string unit;
    std::int64_t day = -1;
    app::OpenWork work;
  };
  struct KeptInbox {
    std::uint64_t revision = 0;
    std::string unit, kind, query;
    bool overdue_only = false;
    std::int64_t day = -1;
    app::Inbox inbox;
  };
  static KeptWork work;
  static KeptInbox kept;
  const std::uint64_t revision = state.services->records_revision();
  const std::int64_t day = civil::china_day(now);
  if (work.revision != revision || work.unit != state.user_unit || work.day != day) {
    // A decision saved, or a page pulled, changes a few records: their items are brought up
    // to date (a district's whole list takes 100-200 ms to work out again).
    const auto changed = work.unit == state.user_unit && work.day == day ? state.services->records_changed_since(work.revision)
                                                                          : std::nullopt;
    const UnitTree units = membership::units_from(*records);
    if (changed && app::update_open_work(work.work, *records, units, state.user_unit, *changed, now)) work.revision = revision;
    else work = {revision, state.user_unit, day, app::open_work(*records, units, state.user_unit, now)};
  }
  static std::uint64_t filtered = 0;  // counts the lists filtered, so a new one is told apart
  if (kept.revision != work.revision || kept.unit != work.unit || kept.day != work.day || kept.kind != v.kind ||
      kept.query != v.query || kept.overdue_only != v.overdue_only) {
    kept = {work.revision, work.unit, v.kind, v.query, v.overdue_only, work.day, app::filter_inbox(work.work, v)};
    ++filtered;
  }
  const app::Inbox& inbox = kept.inbox;

  text_field("search", tr(S::InboxSearch), tr(S::InboxSearchHint), v.query, Keyboard::Text, 40);
  // The filters say how many each holds.
  if (toggle_chip("all", tr(S::InboxAll, std::to_string(inbox.applications + inbox.requests)), v.kind.empty() && !v.overdue_only, true))
    v.kind.clear(), v.overdue_only = false;
  if (toggle_chip("apps", tr(S::InboxApplications, std::to_string(inbox.applications)), v.kind == membership::kApplicationKind, false))
    v.kind = v.kind == membership::kApplicationKind ? "" : membership::kApplicationKind;
  if (toggle_chip("reqs", tr(S::InboxRequests, std::to_string(inbox.requests)), v.kind == "service_request", false))
    v.kind = v.kind == "service_request" ? "" : "service_request";
  if (toggle_chip("late", tr(S::InboxOverdue, std::to_string(inbox.overdue)), v.overdue_only, false)) v.overdue_only = !v.overdue_only;

  if (inbox.items.empty()) {
    card_begin("empty");
    paragraph(tr(S::InboxEmpty), theme::kTextMuted);
    card_end();
    return;
  }
  // A district's list holds tens of thousands: only the rows on screen are drawn.
  card_begin("items");
  const int count = static_cast<int>(inbox.items.size());
  ImGuiListClipper clipper;
  clipper.Begin(count);
  int shown_from = 0, shown_to = 0;
  while (clipper.Step()) {
    shown_from = clipper.DisplayStart, shown_to = clipper.DisplayEnd;
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) inbox_row(state, inbox.items[static_cast<std::size_t>(i)], *records, now);
  }
  card_end();
  // The rows just off the screen give the font atlas their characters before they scroll in,
  // so it is rebuilt once for many rows, not on frame after frame of a scroll (rebuilds were 5
  // of a scroll frame's 7.7 ms in the profile). Only when the list or the rows on screen
  // changed: a still list draws frames too (a blinking cursor, progress).
  constexpr int kLookAhead = 60;
  static std::array<std::uint64_t, 3> noted{};  // (list, first row, end)
  const std::array<std::uint64_t, 3> shown{filtered, static_cast<std::uint64_t>(shown_from), static_cast<std::uint64_t>(shown_to)};
  if (noted == shown) return;
  noted = shown;
  for (int i = std::max(0, shown_from - kLookAhead); i < std::min(count, shown_to + kLookAhead); ++i)
    note_row_text(inbox.items[static_cast<std::size_t>(i)], *records);
}

}  // namespace nx::ui
