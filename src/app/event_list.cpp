#include "app/event_list.h"

#include <algorithm>
#include <cctype>

#include "core/civil_time.h"
#include "core/messages/calendar_words.h"
#include "core/events/session.h"

namespace nx::app {

namespace {

std::optional<events::TimeSpan> span_of(const sync::Record& session) {
  auto decoded = events::decode_session(session.fields);
  if (!decoded.errors.empty()) return std::nullopt;
  return events::session_span(decoded.value);
}

const sync::Record* live_registration(const std::vector<const sync::Record*>& regs, const std::string& user_id) {
  for (const sync::Record* r : regs)
    if (!r->deleted && r->str("owner_id") == user_id && events::is_live(r->str("status"))) return r;
  return nullptr;
}

}  // namespace

std::vector<EventCard> upcoming_events(const sync::RecordSource& records, const std::string& user_id, std::int64_t now_ms) {
  std::vector<EventCard> cards;
  for (const sync::Record* e : records.all("event")) {
    if (e->deleted || e->str("status") != "published") continue;
    EventCard card{e, {}};
    for (const sync::Record* s : records.find(events::kSessionKind, "event_id", e->id)) {
      if (s->deleted || s->str("status") != "open") continue;
      const auto span = span_of(*s);
      if (!span || span->end_ms <= now_ms) continue;
      const auto regs = events::session_registrations(records, s->id);
      card.sessions.push_back({s, *span, events::count_seats(s->fields, regs), live_registration(regs, user_id)});
    }
    if (card.sessions.empty()) continue;
    std::sort(card.sessions.begin(), card.sessions.end(),
              [](const SessionRow& a, const SessionRow& b) { return a.span.begin_ms < b.span.begin_ms; });
    cards.push_back(std::move(card));
  }
  std::sort(cards.begin(), cards.end(), [](const EventCard& a, const EventCard& b) {
    return a.sessions.front().span.begin_ms < b.sessions.front().span.begin_ms;
  });
  return cards;
}

std::vector<MyRegistration> my_registrations(const sync::RecordSource& records, const std::string& user_id,
                                             std::int64_t now_ms) {
  std::vector<MyRegistration> out;
  for (const sync::Record* r : records.find(events::kRegistrationKind, "owner_id", user_id)) {
    if (r->deleted) continue;
    const sync::Record* session = records.get(events::kSessionKind, r->str("session_id"));
    const sync::Record* event = records.get("event", r->str("event_id"));
    if (!session || !event) continue;
    const auto span = span_of(*session);
    if (!span || span->end_ms <= now_ms) continue;
    MyRegistration m{r, event, session, *span, std::nullopt};
    if (r->str("status") == "waitlisted")
      m.waitlist_position = events::waitlist_position(*r, events::session_registrations(records, session->id));
    out.push_back(m);
  }
  std::sort(out.begin(), out.end(), [](const MyRegistration& a, const MyRegistration& b) {
    if (a.span.begin_ms != b.span.begin_ms) return a.span.begin_ms < b.span.begin_ms;
    return a.registration->id < b.registration->id;
  });
  return out;
}

Change sign_up(const sync::Record& session, const sync::Record& member, const std::string& user_id, std::string id) {
  return {events::kRegistrationKind, std::move(id),
          {{"event_id", session.str("event_id")}, {"session_id", session.id}, {"unit_id", session.str("unit_id")},
           {"member_id", member.id}, {"owner_id", user_id}},
          "", false};
}

Change cancel_registration(const sync::Record& registration) {
  return {events::kRegistrationKind, registration.id, nlohmann::json::object(), "cancel", false};
}

Message session_when(const sync::Record& session) {
  const auto date = civil::parse_date(session.str("date"));
  if (!date) return {Msg::AsIs, {session.str("date")}};
  return {Msg::SessionWhen, {std::to_string(date->month), std::to_string(date->day), kWeekdayWords[civil::weekday(*date)],
                             session.str("start") + "–" + session.str("end"), kMonthWords[date->month - 1]}};
}

std::string check_in_code(const sync::Record& registration) {
  std::string code;
  for (char c : registration.id) {
    if (c == '-') continue;
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (code.size() == 4) code += ' ';
    if (code.size() == 9) break;
  }
  return code;
}

}  // namespace nx::app
