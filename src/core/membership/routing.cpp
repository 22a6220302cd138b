#include "core/membership/routing.h"

#include <algorithm>
#include <vector>

#include "core/membership/normalize.h"
#include "core/membership/unit.h"

namespace nx::membership {

namespace {

bool is_area_federation(UnitType t) {
  return t == UnitType::CommunityFederation || t == UnitType::TownFederation || t == UnitType::DistrictFederation;
}

// Lower is nearer: a community federation answers for its area before a town or district
// federation that happens to carry the same code.
int federation_rank(UnitType t) {
  switch (t) {
    case UnitType::CommunityFederation: return 0;
    case UnitType::TownFederation: return 1;
    default: return 2;
  }
}

// What the worker's area sits in: the federations from the area's own up to the root.
struct AreaScope {
  const UnionUnit* home = nullptr;           // the federation whose area is the worker's area
  std::vector<std::string> areas;            // nearest first: the area, the town's, the district's
  std::string district_id;                   // the district federation above it ("" if none)
};

AreaScope scope_of(const std::string& area, const std::vector<UnionUnit>& units, const UnitTree& tree) {
  AreaScope s;
  for (const UnionUnit& u : units) {
    if (u.area != area || !is_area_federation(u.type)) continue;
    if (!s.home || federation_rank(u.type) < federation_rank(s.home->type)) s.home = &u;
  }
  if (!s.home) {
    if (!area.empty()) s.areas.push_back(area);
    return s;
  }
  for (const std::string& id : tree.path_to_root(s.home->id)) {
    auto it = std::find_if(units.begin(), units.end(), [&](const UnionUnit& u) { return u.id == id; });
    if (it == units.end()) continue;
    if (std::find(s.areas.begin(), s.areas.end(), it->area) == s.areas.end()) s.areas.push_back(it->area);
    if (s.district_id.empty() && it->type == UnitType::DistrictFederation) s.district_id = it->id;
  }
  return s;
}

// Position of `area` in the scope, nearest first; size() when it is not in it.
std::size_t distance(const AreaScope& s, const std::string& area) {
  return static_cast<std::size_t>(std::find(s.areas.begin(), s.areas.end(), area) - s.areas.begin());
}

const UnionUnit* nearest(std::vector<const UnionUnit*> candidates, const AreaScope& scope) {
  if (candidates.empty()) return nullptr;
  std::sort(candidates.begin(), candidates.end(), [&](const UnionUnit* a, const UnionUnit* b) {
    const auto da = distance(scope, a->area), db = distance(scope, b->area);
    if (da != db) return da < db;
    return a->id < b->id;
  });
  return candidates.front();
}

Route make_route(const UnionUnit& u, std::string reason, Message why) {
  return Route{u.id, u.name, std::move(reason), std::move(why)};
}

}  // namespace

Result<Route> route_member(const RouteQuery& q, const sync::RecordSource& records) {
  const std::vector<UnionUnit> units = units_in(records);
  const UnitTree tree = units_from(records);
  const AreaScope scope = scope_of(q.area, units, tree);
  // Within the worker's district when it is known: a union of the same platform in another
  // district is not theirs.
  auto in_scope = [&](const UnionUnit& u) { return scope.district_id.empty() || tree.is_within(u.id, scope.district_id); };

  const std::string employer = normalize_employer(q.employer);
  if (!employer.empty()) {
    std::vector<const UnionUnit*> matches;
    for (const UnionUnit& u : units)
      if (u.type == UnitType::CompanyUnion && in_scope(u) && normalize_employer(u.employer) == employer) matches.push_back(&u);
    if (const UnionUnit* u = nearest(matches, scope))
      return make_route(*u, "company_union", {Msg::RouteCompanyUnion, {u->employer, u->name}});
  }

  if (q.trade && *q.trade != Trade::Other) {
    std::vector<const UnionUnit*> matches;
    for (const UnionUnit& u : units)
      if (u.type == UnitType::IndustryUnion && u.industry == q.trade && in_scope(u) && distance(scope, u.area) < scope.areas.size())
        matches.push_back(&u);
    if (const UnionUnit* u = nearest(matches, scope)) {
      return make_route(*u, "industry_union", {Msg::RouteIndustryUnion, {trade_label(*q.trade), u->name}});
    }
  }

  if (scope.home && scope.home->type != UnitType::DistrictFederation)
    return make_route(*scope.home, "area_federation", {Msg::RouteAreaFederation, {scope.home->name}});

  return catalog_error("route_none", "area", Msg::ErrNoUnionCoversYourAreaYet);
}

}  // namespace nx::membership
