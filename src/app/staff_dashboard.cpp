#include "app/staff_dashboard.h"

#include <algorithm>
#include <unordered_set>

#include "app/export.h"
#include "core/civil_time.h"
#include "core/kinds/kind_support.h"
#include "core/membership/counts.h"
#include "core/membership/member.h"
#include "core/membership/trades.h"
#include "core/membership/unit.h"
#include "core/services/dashboard.h"
#include "core/services/service_request.h"

namespace nx::app {

namespace {

std::string root_of(const sync::RecordSource& records) {
  for (const membership::UnionUnit& u : membership::units_in(records))
    if (u.parent_id.empty()) return u.id;
  return {};
}

// "2026-07": a China date's month, as dates and ISO moments begin.
std::string month_of(std::int64_t ms) { return civil::format_date(civil::to_china_local(ms).date).substr(0, 7); }

}  // namespace

StaffDashboard staff_dashboard(const sync::RecordSource& records, const std::string& staff_unit, std::int64_t now_ms) {
  StaffDashboard d;
  d.unit_id = staff_unit.empty() ? root_of(records) : staff_unit;
  const UnitTree units = membership::units_from(records);
  const std::unordered_set<std::string> scope = units.within(d.unit_id);
  const auto within = [&](const sync::Record& r) { return scope.count(r.str_ref("unit_id")) != 0; };

  const auto counts = membership::membership_counts(records);
  if (auto it = counts.find(d.unit_id); it != counts.end()) {
    d.members_active = it->second.total.active;
    d.applications_waiting = it->second.total.applications_waiting;
    d.members_by_unit.push_back({d.unit_id, "", it->second.own.active});
  }
  for (const membership::UnionUnit& u : membership::units_in(records)) {
    if (u.parent_id != d.unit_id) continue;
    auto it = counts.find(u.id);
    d.members_by_unit.push_back({u.id, u.name, it == counts.end() ? 0 : it->second.total.active});
  }
  if (!d.members_by_unit.empty()) {
    if (const sync::Record* own = records.get(membership::kUnitKind, d.unit_id)) d.members_by_unit.front().label = own->str("name");
    // The unit first, then the unions below it, the largest first.
    std::stable_sort(d.members_by_unit.begin() + 1, d.members_by_unit.end(), [](const Count& a, const Count& b) {
      return a.value != b.value ? a.value > b.value : a.label < b.label;
    });
  }

  for (std::string_view trade : membership::kTradeNames) d.members_by_trade.push_back({std::string(trade), "", 0});
  for (const sync::Record* m : records.all(membership::kMemberKind)) {
    if (m->deleted || m->str_ref("status") != "active" || !within(*m)) continue;
    const std::string& trade = m->str_ref("trade");
    for (Count& c : d.members_by_trade)
      if (c.key == trade) ++c.value;
  }

  const services::ServiceCounts s = services::service_counts(records, units, d.unit_id, now_ms);
  for (std::string_view state : services::kRequestStates) {
    auto it = s.requests_by_state.find(std::string(state));
    d.requests_by_stage.push_back({std::string(state), "", it == s.requests_by_state.end() ? 0 : static_cast<std::int64_t>(it->second)});
  }
  d.requests_overdue = static_cast<std::int64_t>(s.requests_overdue);
  d.insurance_enrolled = static_cast<std::int64_t>(s.insurance_enrolled);
  for (std::string_view category : services::kRequestCategories) d.requests_by_kind.push_back({std::string(category), "", 0});
  for (const sync::Record* r : records.all("service_request")) {
    if (r->deleted || !within(*r)) continue;
    const std::string& category = r->str_ref("category");
    for (Count& c : d.requests_by_kind)
      if (c.key == category) ++c.value;
  }

  const std::string month = month_of(now_ms);
  for (const sync::Record* e : records.all("event")) {
    if (e->deleted || e->str("status") != "published" || !within(*e)) continue;
    for (const sync::Record* session : records.find("event_session", "event_id", e->id))
      if (!session->deleted && session->str("date").rfind(month, 0) == 0) {
        ++d.events_this_month;
        break;
      }
  }
  for (const sync::Record* h : records.all("handout")) {
    if (h->deleted || h->str("status") != "given" || !within(*h)) continue;
    if (const auto at = civil::parse_datetime_ms(h->str("given_at")); at && month_of(*at) == month) ++d.handouts_this_month;
  }
  for (const sync::Record* p : records.all("insurance_plan"))
    if (!p->deleted && within(*p)) d.insurance_quota += kinds::field_int(p->fields, "quota");
  return d;
}

std::string counts_csv(const std::vector<Count>& counts, const std::string& key_header) {
  std::string out = csv_cell(key_header) + ",name,count\r\n";
  for (const Count& c : counts) out += csv_cell(c.key) + "," + csv_cell(c.label) + "," + std::to_string(c.value) + "\r\n";
  return out;
}

}  // namespace nx::app
