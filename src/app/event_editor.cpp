#include "app/event_editor.h"

#include <algorithm>

#include "app/person_form.h"
#include "core/civil_time.h"
#include "core/events/event.h"
#include "core/events/session.h"
#include "core/text.h"

namespace nx::app {

EventForm new_event_form(std::int64_t now_ms) {
  EventForm form;
  SessionDraft first;
  first.date = civil::format_date(civil::from_days(civil::china_day(now_ms) + 7));
  form.sessions.push_back(first);
  return form;
}

EventPlan plan_event(const EventForm& form, const std::string& unit_id,
                     const std::function<std::string()>& new_id) {
  EventPlan plan;
  auto& errors = plan.errors;
  nlohmann::json event = {{"title", text::trim(form.title)}, {"category", form.category}, {"unit_id", unit_id}};
  if (!text::trim(form.description).empty()) event["description"] = text::trim(form.description);
  if (!text::trim(form.place).empty()) event["place"] = text::trim(form.place);
  if (text::trim(form.title).empty()) errors["title"] = Msg::FormEnterEventTitle;
  else
    for (const Error& e : events::decode_event(event).errors)
      if (!e.field.empty() && !errors.count(e.field) && e.code != "required") errors[e.field] = e;

  std::vector<nlohmann::json> sessions;
  for (std::size_t i = 0; i < form.sessions.size(); ++i) {
    const SessionDraft& d = form.sessions[i];
    const std::string key = "session." + std::to_string(i);
    const std::string seats = text::trim(d.capacity);
    const bool number = !seats.empty() && seats.size() <= 6 && std::all_of(seats.begin(), seats.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!civil::parse_date(d.date)) {
      errors[key] = Msg::FormDateLike20261205;
      continue;
    }
    if (!civil::parse_time_of_day(d.start) || !civil::parse_time_of_day(d.end)) {
      errors[key] = Msg::FormTimesLike0900;
      continue;
    }
    if (!number || std::stoll(seats) < 1) {
      errors[key] = Msg::FormEnterPlaces;
      continue;
    }
    nlohmann::json s = {{"unit_id", unit_id}, {"date", d.date}, {"start", d.start}, {"end", d.end}, {"capacity", std::stoll(seats)}};
    nlohmann::json checked = s;
    checked["event_id"] = "00000000-0000-4000-8000-000000000000";  // any id: the event has none yet
    checked["status"] = "open";
    for (const Error& e : events::decode_session(checked).errors)
      if (!errors.count(key)) errors[key] = e;
    sessions.push_back(std::move(s));
  }
  if (form.sessions.empty()) errors["sessions"] = Msg::FormAddSession;
  if (!errors.empty()) return plan;

  const std::string event_id = new_id();
  plan.changes.push_back({events::kEventKind, event_id, std::move(event), "", false});
  for (nlohmann::json& s : sessions) {
    s["event_id"] = event_id;
    plan.changes.push_back({events::kSessionKind, new_id(), std::move(s), "", false});
  }
  plan.changes.push_back({events::kEventKind, event_id, nlohmann::json::object(), "publish", false});
  return plan;
}

}  // namespace nx::app
