#include "app/station_editor.h"

#include <algorithm>

#include "app/person_form.h"
#include "core/civil_time.h"
#include "core/services/station.h"
#include "core/text.h"

namespace nx::app {

StationEdit edit_station(const sync::Record& station) {
  StationEdit form;
  form.id = station.id;
  form.status = station.str("status").empty() ? "open" : station.str("status");
  form.status_note = station.str("status_note");
  form.phone = station.str("phone");
  form.contact_name = station.str("contact_name");
  if (station.fields.contains("amenities") && station.fields["amenities"].is_array())
    for (const auto& a : station.fields["amenities"])
      if (a.is_string()) form.amenities.push_back(a.get<std::string>());
  const auto decoded = services::station_from_record(station);
  if (!decoded) return form;
  const services::OpeningHours& hours = decoded.value().hours;
  form.open_24h = hours.always_open;
  const auto& monday = hours.week[0];
  const bool same_every_day = monday.size() == 1 &&
      std::all_of(hours.week.begin(), hours.week.end(), [&](const auto& day) { return day == monday; });
  if (same_every_day) {
    form.daily_open = civil::format_time_of_day(monday[0].open);
    form.daily_close = civil::format_time_of_day(monday[0].close);
  }
  return form;
}

StationPlan plan_station_edit(const StationEdit& form, const sync::Record& station) {
  StationPlan plan;
  const StationEdit before = edit_station(station);
  nlohmann::json set = nlohmann::json::object();
  if (form.status != before.status) set["status"] = form.status;
  if (text::trim(form.status_note) != before.status_note) set["status_note"] = text::trim(form.status_note);
  if (text::trim(form.phone) != before.phone) set["phone"] = text::trim(form.phone);
  if (text::trim(form.contact_name) != before.contact_name) set["contact_name"] = text::trim(form.contact_name);
  if (form.amenities != before.amenities) set["amenities"] = form.amenities;
  if (form.open_24h != before.open_24h) set["open_24h"] = form.open_24h;
  if (form.status == "temporarily_closed" && text::trim(form.status_note).empty())
    plan.errors["status_note"] = Msg::FormSayWhyClosed;
  if (!form.open_24h && (form.daily_open != before.daily_open || form.daily_close != before.daily_close)) {
    const auto open = civil::parse_time_of_day(form.daily_open), close = civil::parse_time_of_day(form.daily_close);
    if (!open || !close) {
      plan.errors["hours"] = Msg::FormTimesLike0730;
    } else {
      nlohmann::json day = nlohmann::json::array({{{"open", form.daily_open}, {"close", form.daily_close}}});
      nlohmann::json week = nlohmann::json::object();
      for (std::string_view key : services::kWeekdayKeys) week[std::string(key)] = day;
      set["hours"] = week;
    }
  }
  if (!plan.errors.empty() || set.empty()) return plan;
  // The whole station as it would be, checked by the core; its words go beside the field.
  nlohmann::json after = station.fields;
  for (const auto& [k, v] : set.items()) after[k] = v;
  for (const Error& e : services::decode_station(after).errors) {
    const std::string field = e.field.rfind("hours", 0) == 0 ? "hours" : e.field;
    if (!plan.errors.count(field)) plan.errors[field] = e;
  }
  if (plan.errors.empty()) plan.changes.push_back({"station", station.id, std::move(set), "", false});
  return plan;
}

}  // namespace nx::app
