#pragma once
// Staff field work: visits 主席大走访 (to an enterprise), ride-alongs 跟车调研 (a day with a
// driver or rider on their route) and 六个一 surveys, logged offline on a phone.
//
// What the workers raised (急难愁盼) are records of their own, kind "visit_item", not an
// array in the visit: several visitors write up the same visit, each on their own phone and
// often offline; as one array field, last-writer-wins would keep one phone's list and drop
// the other's. As records, every item survives the merge, edits to one item merge field by
// field, and follow-up actions can point at an item by a stable id.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/events/rule_support.h"
#include "core/kinds/registry.h"

namespace nx::fieldwork {

using events::Decoded;

inline constexpr const char* kVisitKind = "visit";
inline constexpr const char* kVisitItemKind = "visit_item";

inline constexpr std::array<std::string_view, 3> kVisitTypes = {
    "enterprise_visit",  // 主席大走访
    "ride_along",        // 一对一跟车体验式调研
    "survey"};           // 六个一 调研
// Union units are records of kind "unit"; a company's own union has this type.
inline constexpr const char* kUnitKind = "unit";
inline constexpr const char* kCompanyUnionType = "company_union";

// What a raised item is about.
inline constexpr std::array<std::string_view, 5> kConcernCategories = {"pay", "safety", "rest", "insurance", "other"};

struct Visit {
  std::string unit_id;             // the unit whose staff made the visit
  std::string type;
  std::string enterprise_unit_id;  // optional: the company union unit visited (quarterly coverage)
  std::string enterprise_name;     // required unless a ride-along
  std::string route;               // required for a ride-along
  std::string date;
  std::vector<std::string> visitors;  // staff user ids, at least one
  std::int64_t workers_met = 0;
  std::string summary;
};

struct VisitItem {
  std::string visit_id;
  std::string unit_id;  // the visit's, copied for access rules
  std::string text;
  std::string category;
};

Decoded<Visit> decode_visit(const nlohmann::json& fields);
nlohmann::json to_fields(const Visit& v);
Decoded<VisitItem> decode_visit_item(const nlohmann::json& fields);
nlohmann::json to_fields(const VisitItem& i);

// Plain records kept by staff of the unit (or above) and admins. A visit naming an enterprise
// unit needs that unit to exist; an item needs its visit, in the same unit.
kinds::KindSpec visit_kind();
kinds::KindSpec visit_item_kind();

}  // namespace nx::fieldwork
