// 活动: the union's events open for sign-up (夏送清凉, service fairs, trainings, talks), each
// session with its seats; signing up (or joining the waitlist when full), cancelling, and
// "my events" with the waitlist place and the code to show at check-in.
#include "app/device.h"
#include "app/event_list.h"
#include "app/join.h"
#include "app/phone.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/labels.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

std::string place_of(const sync::Record& event, const sync::Record& session) {
  const std::string place = session.str("place");
  return place.empty() ? event.str("place") : place;
}

void my_events(app::AppState& state, const sync::RecordSource& records, std::int64_t now) {
  const auto mine = app::my_registrations(records, state.user_id, now);
  card_begin("mine");
  heading(tr(S::MyEvents));
  if (mine.empty()) paragraph(tr(S::MyEventsNone), theme::kTextMuted);
  for (const app::MyRegistration& m : mine) {
    ImGui::PushID(m.registration->id.c_str());
    ImGui::Dummy(ImVec2(0, 4));
    paragraph(m.event->str("title"), theme::kText, fonts::faces().body_bold);
    paragraph(tr(app::session_when(*m.session)) + " · " + place_of(*m.event, *m.session), theme::kTextMuted);
    const std::string status = m.registration->str("status");
    const bool waiting = state.services->unsynced(m.registration->kind, m.registration->id);
    if (waiting) {
      chip(tr(S::StatusWaiting), theme::kWarn, theme::kWarnSoft);
    } else if (status == "registered") {
      chip(tr(S::RegRegistered), theme::kOk, theme::kOkSoft);
      paragraph(std::string(tr(S::CheckInCode)) + app::check_in_code(*m.registration), theme::kText, fonts::faces().body_bold);
    } else if (status == "waitlisted") {
      chip(tr(S::RegWaitlisted, m.waitlist_position ? std::to_string(*m.waitlist_position) : "?"), theme::kWarn,
           theme::kWarnSoft);
    } else if (status == "checked_in") {
      chip(tr(S::RegCheckedIn), theme::kOk, theme::kOkSoft);
    } else if (status == "cancelled") {
      chip(tr(S::RegCancelled), theme::kTextMuted, theme::kBorder);
    } else {
      chip(tr(S::RegNoShow), theme::kTextMuted, theme::kBorder);
    }
    if ((status == "registered" || status == "waitlisted") && button("cancel", tr(S::RegCancel), false))
      save_or_say(state, app::cancel_registration(*m.registration));
    ImGui::PopID();
  }
  card_end();
}

void event_card(app::AppState& state, const app::EventCard& card, const sync::Record* member) {
  const sync::Record& e = *card.event;
  ImGui::PushID(e.id.c_str());
  card_begin("event");
  chip(event_category_text(e.str("category")), theme::kAccent, theme::kAccentSoft);
  heading(e.str("title"));
  if (!e.str("description").empty()) paragraph(e.str("description"), theme::kTextMuted);
  for (const app::SessionRow& s : card.sessions) {
    ImGui::PushID(s.session->id.c_str());
    ImGui::Dummy(ImVec2(0, 4));
    paragraph(tr(app::session_when(*s.session)), theme::kText, fonts::faces().body_bold);
    paragraph(place_of(e, *s.session), theme::kTextMuted);
    const bool full = s.seats.seats_left <= 0;
    const std::string seats = !full                  ? tr(S::SeatsLeft, std::to_string(s.seats.seats_left))
                              : s.seats.waitlisted > 0 ? tr(S::SeatsFull, std::to_string(s.seats.waitlisted))
                                                       : std::string(tr(S::SeatsFullNoQueue));
    paragraph(seats, full ? theme::kWarn : theme::kOk);
    if (s.mine) {
      chip(tr(s.mine->str("status") == "waitlisted" ? S::RegOnWaitlist : S::RegAlready), theme::kOk, theme::kOkSoft);
    } else if (member) {
      if (button("sign-up", tr(full ? S::JoinWaitlist : S::SignUp), !full))
        save_or_say(state, app::sign_up(*s.session, *member, state.user_id, state.services->new_id()));
    }
    ImGui::PopID();
  }
  card_end();
  ImGui::PopID();
}

}  // namespace

void draw_events(app::AppState& state) {
  heading(tr(S::EventsTitle));
  paragraph(tr(S::EventsIntro), theme::kTextMuted);
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (!records) {
    card_begin("sign-in");
    paragraph(tr(S::EventsSignInFirst));
    if (button("to-me", tr(S::GoSignIn))) state.tab = app::Tab::Me;
    card_end();
    return;
  }
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kAccent);
  const std::int64_t now = app::now_ms(state);
  const sync::Record* member = app::my_membership(*records, state.user_id);
  if (state.user_role == "worker") my_events(state, *records, now);
  if (!member && state.user_role == "worker") {
    card_begin("members-only");
    paragraph(tr(S::EventsMembersOnly));
    if (button("join", tr(S::JoinStart), false)) {
      state.tab = app::Tab::Me;
      if (!app::my_application(*records, state.user_id)) app::open_new_application(state);
    }
    card_end();
  }
  const auto cards = app::upcoming_events(*records, state.user_id, now);
  if (cards.empty()) {
    card_begin("none");
    paragraph(tr(S::EventsNone), theme::kTextMuted);
    card_end();
  }
  for (const app::EventCard& card : cards) event_card(state, card, member);
}

}  // namespace nx::ui
