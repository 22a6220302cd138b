#pragma once
// Union units (工会组织) as records of kind "unit": a tree from the district federation down to
// town/community federations, industry unions and company unions.
//
// Rights: a unit record's `unit_id` (the field rights_over reads) is its PARENT, and must equal
// parent_id. So staff of the parent or any unit above it create and edit a unit, staff never
// edit their own unit, and a root (no parent) is an admin's to make.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/kinds/registry.h"
#include "core/membership/fields.h"
#include "core/membership/trades.h"
#include "core/sync/record_source.h"

namespace nx::membership {

inline constexpr const char* kUnitKind = "unit";

enum class UnitType {
  DistrictFederation,   // 区总工会
  TownFederation,       // 镇/街道总工会
  CommunityFederation,  // 村(社区)工会联合会
  IndustryUnion,        // 行业工会
  CompanyUnion,         // 企业工会
};

inline constexpr std::array<std::string_view, 5> kUnitTypeNames = {
    "district_federation", "town_federation", "community_federation", "industry_union", "company_union"};

std::string_view unit_type_name(UnitType t);
std::optional<UnitType> parse_unit_type(std::string_view name);
Msg unit_type_label(UnitType t);

struct UnionUnit {
  std::string id;         // the record id
  std::string name;
  UnitType type = UnitType::DistrictFederation;
  std::string parent_id;  // "" for a root
  std::string area;       // the town/community it covers or sits in
  std::optional<Trade> industry;  // the trade an industry union serves
  std::string employer;   // a company union's employer, as workers type it
};

// Decodes a unit's fields (untrusted); every bad field is reported. `id` is left empty.
Decoded<UnionUnit> decode_unit(const nlohmann::json& fields);
Errors validate_unit(const nlohmann::json& fields);

// The unit in a record, or nullopt when the record is not a valid live unit.
std::optional<UnionUnit> unit_from_record(const sync::Record& r);
// Every valid live unit, in id order.
std::vector<UnionUnit> units_in(const sync::RecordSource& records);
// The tree for access checks. A cycle in bad data is cut (the smallest id on it becomes a
// root), so no unit is ever "within" a unit below it.
UnitTree units_from(const sync::RecordSource& records);

// Where a unit may sit: its parent exists and is of a type that may hold it (a town federation
// under a district federation, a company union under a federation or an industry union, ...),
// and it is not placed under itself.
Status check_unit_placement(const std::string& unit_id, const UnionUnit& unit, const sync::RecordSource& records);

kinds::KindSpec unit_kind();

}  // namespace nx::membership
