#pragma once
// Routing 兜底: which union unit takes a worker in.
//   1. the company union (企业工会) of their employer, if it has one: employer names compared
//      after normalize_employer; within the district of the worker's area when that is known,
//      the one nearest the worker's area first;
//   2. else the industry union (行业工会) of their trade covering their area: one for that same
//      area first, then one for the town above it, then one at the district level;
//   3. else the community or town federation of their area (村(社区)工会联合会 / 镇总工会) — the
//      fallback that makes sure nobody is left out.
// The answer carries the unit AND the reason in words, so the form can say why.
// "Above the area" follows the unit tree: the federation whose area is the worker's area, its
// parent federation, up to the district.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/errors.h"
#include "core/membership/trades.h"
#include "core/sync/record_source.h"

namespace nx::membership {

struct RouteQuery {
  std::string employer;        // as the worker typed it; "" when none
  std::optional<Trade> trade;  // nullopt when not given
  std::string area;            // the town/community code where they live or work
};

inline constexpr std::array<std::string_view, 3> kRouteReasons = {"company_union", "industry_union", "area_federation"};

struct Route {
  std::string unit_id;
  std::string unit_name;
  std::string reason;      // one of kRouteReasons: stored on the application as routing_reason
  Message why;             // names the unit: "你的单位「美团」已建立工会：……"
};

// The unit for a worker, or the Error "route_none" (field "area") when nothing covers them.
Result<Route> route_member(const RouteQuery& query, const sync::RecordSource& records);

}  // namespace nx::membership
