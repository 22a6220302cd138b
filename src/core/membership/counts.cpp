#include "core/membership/counts.h"

#include "core/membership/application.h"
#include "core/membership/member.h"
#include "core/membership/unit.h"

namespace nx::membership {

namespace {

void add_to(MembershipCounts& c, const MembershipCounts& d) {
  c.active += d.active;
  c.lapsed += d.lapsed;
  c.transferred_out += d.transferred_out;
  c.applications_waiting += d.applications_waiting;
  c.applications_needs_info += d.applications_needs_info;
  c.transfers_incoming += d.transfers_incoming;
  if (!d.oldest_waiting_since.empty() && (c.oldest_waiting_since.empty() || d.oldest_waiting_since < c.oldest_waiting_since))
    c.oldest_waiting_since = d.oldest_waiting_since;
}

}  // namespace

std::map<std::string, UnitCounts> membership_counts(const sync::RecordSource& records) {
  const UnitTree tree = units_from(records);
  std::map<std::string, UnitCounts> out;
  for (const sync::Record* u : records.all(kUnitKind)) out[u->id];

  // Each unit's own counts first, then each added once up its path: a district holds 20,000
  // members in a few hundred units, and a walk up the tree per member was most of 统计's time.
  std::map<std::string, MembershipCounts> own;
  auto count = [&](const std::string& unit, const MembershipCounts& d) {
    if (tree.contains(unit)) add_to(own[unit], d);
  };

  for (const sync::Record* m : records.all(kMemberKind)) {
    MembershipCounts d;
    const std::string status = m->str("status");
    if (status == "active") d.active = 1;
    else if (status == "lapsed") d.lapsed = 1;
    else if (status == "transferred_out") d.transferred_out = 1;
    count(m->str("unit_id"), d);
    if (status == "transferred_out" && records.find(kMemberKind, "transferred_from", m->id).empty()) {
      MembershipCounts incoming;
      incoming.transfers_incoming = 1;
      count(m->str("transferred_to"), incoming);
    }
  }
  for (const sync::Record* a : records.all(kApplicationKind)) {
    MembershipCounts d;
    const std::string status = a->str("status");
    if (application_waiting(status)) {
      d.applications_waiting = 1;
      d.oldest_waiting_since = a->str("submitted_at");
    } else if (status == "needs_info") {
      d.applications_needs_info = 1;
    }
    count(a->str("unit_id"), d);
  }
  for (const auto& [unit, d] : own) {
    add_to(out[unit].own, d);
    for (const std::string& up : tree.path_to_root(unit)) add_to(out[up].total, d);
  }
  return out;
}

}  // namespace nx::membership
