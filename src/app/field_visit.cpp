#include "app/field_visit.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/fieldwork/follow_up.h"
#include "core/fieldwork/visit.h"
#include "core/membership/unit.h"
#include "core/text.h"

namespace nx::app {

namespace {

std::string today(std::int64_t now_ms) { return civil::format_date(civil::to_china_local(now_ms).date); }

bool blank(const std::string& s) { return text::trim(s).empty(); }

}  // namespace

VisitForm new_visit_form(std::int64_t now_ms) {
  VisitForm form;
  form.date = today(now_ms);
  form.items.push_back({});
  // Two weeks is the usual time to come back with an answer.
  form.follow_ups.push_back({"", civil::format_date(civil::from_days(civil::china_day(now_ms) + 14)), -1, ""});
  return form;
}

std::vector<Enterprise> enterprises(const sync::RecordSource& records, const UnitTree& units, const std::string& staff_unit) {
  std::vector<Enterprise> out;
  for (const membership::UnionUnit& u : membership::units_in(records)) {
    if (u.type != membership::UnitType::CompanyUnion) continue;
    if (!staff_unit.empty() && !units.is_within(u.id, staff_unit)) continue;
    out.push_back({u.id, u.employer.empty() ? u.name : u.employer});
  }
  std::sort(out.begin(), out.end(), [](const Enterprise& a, const Enterprise& b) { return a.name < b.name; });
  return out;
}

VisitPlan plan_visit(const VisitForm& form, const Actor& staff, const sync::RecordSource& records,
                     const std::function<std::string()>& new_id) {
  VisitPlan plan;
  auto& errors = plan.errors;
  const bool ride_along = form.type == "ride_along";
  if (ride_along && blank(form.route)) errors["route"] = Msg::FormWriteRoute;
  if (!ride_along && blank(form.enterprise_name) && form.enterprise_unit_id.empty())
    errors["enterprise"] = Msg::FormChooseEnterprise;
  if (!civil::parse_date(form.date)) errors["date"] = Msg::FormDateLike20260701;
  std::int64_t workers = 0;
  if (!blank(form.workers_met)) {
    const std::string digits = text::trim(form.workers_met);
    if (digits.size() > 6 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      errors["workers_met"] = Msg::FormEnterPeople;
    else workers = std::stoll(digits);
  }
  for (std::size_t i = 0; i < form.follow_ups.size(); ++i) {
    const FollowUpDraft& f = form.follow_ups[i];
    if (blank(f.action)) continue;  // a row left empty
    if (!civil::parse_date(f.due_date))
      errors["follow_up." + std::to_string(i)] = Msg::FormDueLike20260715;
  }

  nlohmann::json visit = {{"unit_id", staff.unit_id}, {"type", form.type}, {"date", form.date},
                          {"visitors", nlohmann::json::array({staff.user_id})}, {"workers_met", workers}};
  if (ride_along) visit["route"] = text::trim(form.route);
  std::string enterprise_name = text::trim(form.enterprise_name);
  if (!form.enterprise_unit_id.empty()) {
    visit["enterprise_unit_id"] = form.enterprise_unit_id;
    if (enterprise_name.empty())
      if (const sync::Record* u = records.get(membership::kUnitKind, form.enterprise_unit_id)) {
        const auto unit = membership::unit_from_record(*u);
        if (unit) enterprise_name = unit->employer.empty() ? unit->name : unit->employer;
      }
  }
  if (!enterprise_name.empty()) visit["enterprise_name"] = enterprise_name;
  if (!blank(form.summary)) visit["summary"] = text::trim(form.summary);
  for (const Error& e : fieldwork::decode_visit(visit).errors)
    if (!e.field.empty() && !errors.count(e.field) && e.code != "required") errors[e.field] = e;
  if (!errors.empty()) return plan;

  const std::string visit_id = new_id();
  plan.changes.push_back({fieldwork::kVisitKind, visit_id, visit, "", false});
  std::vector<std::string> item_ids(form.items.size());
  for (std::size_t i = 0; i < form.items.size(); ++i) {
    if (blank(form.items[i].text)) continue;
    item_ids[i] = new_id();
    plan.changes.push_back({fieldwork::kVisitItemKind, item_ids[i],
                            {{"visit_id", visit_id}, {"unit_id", staff.unit_id}, {"text", text::trim(form.items[i].text)},
                             {"category", form.items[i].category}},
                            "", false});
  }
  for (const FollowUpDraft& f : form.follow_ups) {
    if (blank(f.action)) continue;
    nlohmann::json fields = {{"visit_id", visit_id}, {"unit_id", staff.unit_id}, {"action", text::trim(f.action)},
                             {"owner_id", staff.user_id}, {"due_date", f.due_date}};
    if (!blank(f.assignee)) fields["assignee"] = text::trim(f.assignee);
    if (f.item >= 0 && static_cast<std::size_t>(f.item) < item_ids.size() && !item_ids[f.item].empty())
      fields["item_id"] = item_ids[f.item];
    plan.changes.push_back({fieldwork::kFollowUpKind, new_id(), std::move(fields), "", false});
  }
  return plan;
}

std::vector<VisitSummary> recent_visits(const sync::RecordSource& records, const UnitTree& units,
                                        const std::string& staff_unit, std::size_t limit) {
  std::vector<VisitSummary> out;
  for (const sync::Record* v : records.all(fieldwork::kVisitKind)) {
    if (v->deleted || (!staff_unit.empty() && !units.is_within(v->str("unit_id"), staff_unit))) continue;
    VisitSummary s{v};
    for (const sync::Record* i : records.find(fieldwork::kVisitItemKind, "visit_id", v->id)) s.items += i->deleted ? 0 : 1;
    for (const sync::Record* f : records.find(fieldwork::kFollowUpKind, "visit_id", v->id))
      s.follow_ups_open += !f->deleted && f->str("status") == "open";
    out.push_back(s);
  }
  std::sort(out.begin(), out.end(), [](const VisitSummary& a, const VisitSummary& b) {
    const std::string da = a.visit->str("date"), db = b.visit->str("date");
    return da != db ? da > db : a.visit->id > b.visit->id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace nx::app
