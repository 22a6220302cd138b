#include "app/join.h"

#include <algorithm>

#include "app/pages.h"
#include "app/person_form.h"
#include "app/place_name.h"
#include "core/membership/application.h"
#include "core/membership/person.h"
#include "core/membership/trades.h"
#include "core/membership/unit.h"

namespace nx::app {

using nlohmann::json;

namespace {

const sync::Record* newest(std::vector<const sync::Record*> records) {
  const sync::Record* best = nullptr;
  for (const sync::Record* r : records) {
    if (r->deleted) continue;
    if (!best || r->str("created_at") > best->str("created_at") ||
        (r->str("created_at") == best->str("created_at") && r->id > best->id))
      best = r;
  }
  return best;
}

std::vector<AreaChoice> federations(const sync::RecordSource& records, membership::UnitType type, const std::string& parent) {
  std::vector<AreaChoice> out;
  for (const membership::UnionUnit& u : membership::units_in(records))
    if (u.type == type && !u.area.empty() && (parent.empty() || u.parent_id == parent)) out.push_back({u.id, place_name(u.name), u.area});
  std::sort(out.begin(), out.end(), [](const AreaChoice& a, const AreaChoice& b) { return a.area < b.area; });
  return out;
}

std::string area_of(const JoinForm& form, const sync::RecordSource& records) {
  const sync::Record* unit = records.get(membership::kUnitKind, form.area_unit_id);
  return unit ? unit->str("area") : "";
}

}  // namespace

const sync::Record* my_application(const sync::RecordSource& records, const std::string& user_id) {
  return newest(records.find(membership::kApplicationKind, "owner_id", user_id));
}

const sync::Record* my_membership(const sync::RecordSource& records, const std::string& user_id) {
  std::vector<const sync::Record*> active;
  for (const sync::Record* m : records.find("member", "owner_id", user_id))
    if (m->str("status") == "active") active.push_back(m);
  return newest(active);
}

std::string unit_for_requests(const sync::RecordSource& records, const std::string& user_id) {
  if (const sync::Record* m = my_membership(records, user_id)) return m->str("unit_id");
  for (const sync::Record* u : records.all(membership::kUnitKind))
    if (!u->deleted && u->str("parent_id").empty()) return u->id;
  return {};
}

std::vector<AreaChoice> towns(const sync::RecordSource& records) {
  return federations(records, membership::UnitType::TownFederation, "");
}

std::vector<AreaChoice> communities(const sync::RecordSource& records, const std::string& town_id) {
  return federations(records, membership::UnitType::CommunityFederation, town_id);
}

std::optional<membership::Route> join_route(const JoinForm& form, const sync::RecordSource& records) {
  const auto trade = membership::parse_trade(form.trade);
  const std::string area = area_of(form, records);
  if (!trade || area.empty()) return std::nullopt;
  auto route = membership::route_member({form.employer, trade, area}, records);
  if (!route) return std::nullopt;
  return std::move(route).value();
}

void open_new_application(AppState& state) {
  state.join = JoinForm{};
  state.join.name = state.user;
  state.join.phone = state.user_phone;
  open_join_page(state);
}

void open_join_page(AppState& state) {
  state.tab = Tab::Me;
  if (!showing(state, PageKind::Join)) open_page(state, PageKind::Join);
}

void fill_from(JoinForm& form, const sync::Record& a, const sync::RecordSource& records) {
  form.name = a.str("name");
  form.phone = a.str("phone");
  form.employer = a.str("employer");
  form.trade = a.str("trade");
  form.consent = false;  // asked again: the person confirms what they send
  form.town_id.clear();
  form.area_unit_id.clear();
  for (const membership::UnionUnit& u : membership::units_in(records)) {
    if (u.area != a.str("area")) continue;
    if (u.type == membership::UnitType::TownFederation) form.town_id = form.area_unit_id = u.id;
    if (u.type == membership::UnitType::CommunityFederation) {
      form.area_unit_id = u.id;
      form.town_id = u.parent_id;
      break;
    }
  }
  form.errors.clear();
}

JoinPlan plan_join(const JoinForm& form, const std::string& user_id, const sync::RecordSource& records,
                   const std::function<std::string()>& new_id) {
  JoinPlan plan;
  auto& errors = plan.errors;
  json person = checked_person({form.name, form.phone, form.trade, form.employer, area_of(form, records), true}, errors);
  if (!form.consent) errors["consent"] = Msg::FormAcceptTerms;
  if (!form.resubmit_id.empty() && form.info_reply.empty())
    errors["info_reply"] = Msg::FormAnswerUnion;

  const auto route = join_route(form, records);
  if (!route && errors.empty())
    errors["area"] = Msg::FormNoUnionHere;

  json fields = person;
  fields["owner_id"] = user_id;
  fields["consent"] = true;
  fields["status"] = "submitted";
  if (route) {
    fields["unit_id"] = route->unit_id;
    fields["routing_reason"] = route->reason;
  }
  add_core_errors(fields, errors);
  if (!errors.empty()) return plan;

  if (!form.resubmit_id.empty()) {
    json set = person;
    set["consent"] = true;
    set["info_reply"] = form.info_reply;
    plan.changes.push_back({membership::kApplicationKind, form.resubmit_id, std::move(set), "resubmit", false});
    return plan;
  }
  const std::string id = new_id();
  json draft = fields;
  draft.erase("status");  // a new application starts as a draft; the submit step moves it on
  draft.erase("consent");
  plan.changes.push_back({membership::kApplicationKind, id, std::move(draft), "", false});
  plan.changes.push_back({membership::kApplicationKind, id, {{"consent", true}}, "submit", false});
  return plan;
}

}  // namespace nx::app
