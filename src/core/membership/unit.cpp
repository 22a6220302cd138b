#include "core/membership/unit.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace nx::membership {

using nlohmann::json;

namespace {

constexpr std::array<Msg, 5> kUnitTypeLabels = {
    Msg::UnitDistrictFederation,
    Msg::UnitTownFederation,
    Msg::UnitCommunityFederation,
    Msg::UnitIndustryUnion,
    Msg::UnitCompanyUnion,
};

constexpr std::array<std::string_view, 7> kUnitFields = {"name", "type", "parent_id", "unit_id", "area", "industry", "employer"};

// Which parent types may hold a unit of each type.
bool may_hold(UnitType parent, UnitType child) {
  switch (child) {
    case UnitType::DistrictFederation: return false;
    case UnitType::TownFederation: return parent == UnitType::DistrictFederation;
    case UnitType::CommunityFederation:
      return parent == UnitType::TownFederation || parent == UnitType::DistrictFederation;
    case UnitType::IndustryUnion:
      return parent == UnitType::DistrictFederation || parent == UnitType::TownFederation;
    case UnitType::CompanyUnion: return parent != UnitType::CompanyUnion;
  }
  return false;
}

Status on_create_unit(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  auto decoded = decode_unit(ctx.fields);
  if (!decoded.ok()) return decoded.errors.front();
  return check_unit_placement(ctx.before.id, decoded.value, *ctx.records);
}

// A unit that still has units, members or open applications under it cannot go: they would
// be left pointing at nothing, and the tree rights that protect them would disappear.
Status on_delete_unit(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  const std::string& id = ctx.before.id;
  const bool has_children = !ctx.records->find(kUnitKind, "parent_id", id).empty();
  const bool has_members = !ctx.records->find("member", "unit_id", id).empty() ||
                           !ctx.records->find("membership_application", "unit_id", id).empty();
  if (has_children || has_members)
    return catalog_error("unit_in_use", "id", Msg::ErrThisUnitStillHasUnitsOr);
  return ok_status();
}

}  // namespace

std::string_view unit_type_name(UnitType t) { return kUnitTypeNames[static_cast<std::size_t>(t)]; }

std::optional<UnitType> parse_unit_type(std::string_view name) {
  for (std::size_t i = 0; i < kUnitTypeNames.size(); ++i)
    if (kUnitTypeNames[i] == name) return static_cast<UnitType>(i);
  return std::nullopt;
}

Msg unit_type_label(UnitType t) { return kUnitTypeLabels[static_cast<std::size_t>(t)]; }

Decoded<UnionUnit> decode_unit(const json& fields) {
  Decoded<UnionUnit> out;
  json_in::Reader r(fields, "unit");
  UnionUnit& u = out.value;
  u.name = text::trim(r.required_str("name", 60));
  auto type = r.one_of("type", kUnitTypeNames);
  if (!type) r.require("type");
  u.parent_id = optional_id(r, "parent_id");
  const std::string responsible = optional_id(r, "unit_id");
  u.area = read_area(r, "area", true);
  // "" from a form means "no trade", as if absent.
  const bool industry_given = given(r, fields, "industry");
  if (industry_given) {
    if (auto industry = r.one_of("industry", kTradeNames)) u.industry = parse_trade(*industry);
  }
  u.employer = text::trim(r.str("employer", 100).value_or(""));
  refuse_unknown_fields(r, fields, kUnitFields);

  if (type) {
    u.type = *parse_unit_type(*type);
    if (u.parent_id.empty() && u.type != UnitType::DistrictFederation)
      r.add(catalog_error("unit_parent_required", "parent_id", Msg::ErrChooseTheUnitAboveThisOne));
    if (!u.parent_id.empty() && u.type == UnitType::DistrictFederation)
      r.add(catalog_error("unit_parent_type", "parent_id", Msg::ErrADistrictFederationHasNoUnit));
    if (u.type == UnitType::IndustryUnion && !industry_given)
      r.add(catalog_error("required", "industry", Msg::ErrAnIndustryUnionServesATrade));
    if (u.type == UnitType::IndustryUnion && u.industry == Trade::Other)
      r.add(catalog_error("industry_invalid", "industry", Msg::ErrAnIndustryUnionServesOneNamed));
    if (u.type == UnitType::CompanyUnion && u.employer.empty() && !(r.has("employer") && !fields["employer"].is_string()))
      r.add(catalog_error("required", "employer", Msg::ErrACompanyUnionNamesItsEmployer));
  }
  // The responsible unit of a unit is its parent (see unit.h): a mismatch would hand the
  // record to the wrong staff.
  if (r.ok() && responsible != u.parent_id)
    r.add(catalog_error("unit_parent_mismatch", "unit_id", Msg::ErrUnitIdMustBeTheParent));
  out.errors = r.take_errors();
  return out;
}

Errors validate_unit(const json& fields) { return decode_unit(fields).errors; }

std::optional<UnionUnit> unit_from_record(const sync::Record& r) {
  if (r.deleted || r.kind != kUnitKind) return std::nullopt;
  auto decoded = decode_unit(r.fields);
  if (!decoded.ok()) return std::nullopt;
  decoded.value.id = r.id;
  return std::move(decoded.value);
}

std::vector<UnionUnit> units_in(const sync::RecordSource& records) {
  std::vector<UnionUnit> out;
  for (const sync::Record* r : records.all(kUnitKind))
    if (auto u = unit_from_record(*r)) out.push_back(std::move(*u));
  std::sort(out.begin(), out.end(), [](const UnionUnit& a, const UnionUnit& b) { return a.id < b.id; });
  return out;
}

UnitTree units_from(const sync::RecordSource& records) {
  std::map<std::string, std::string> parent;
  for (const sync::Record* r : records.all(kUnitKind)) parent[r->id] = r->str("parent_id");
  // Ids in order, so the same data always cuts the same edge.
  for (auto& [id, p] : parent) {
    std::string current = p;
    for (std::size_t steps = 0; !current.empty() && steps <= parent.size(); ++steps) {
      if (current == id) {
        p.clear();
        break;
      }
      auto it = parent.find(current);
      if (it == parent.end()) break;
      current = it->second;
    }
  }
  UnitTree tree;
  for (const auto& [id, p] : parent) tree.add(id, p);
  return tree;
}

Status check_unit_placement(const std::string& unit_id, const UnionUnit& unit, const sync::RecordSource& records) {
  if (unit.parent_id.empty()) return ok_status();
  if (unit.parent_id == unit_id)
    return catalog_error("unit_cycle", "parent_id", Msg::ErrAUnitCannotBeAboveItself);
  const sync::Record* parent_record = records.get(kUnitKind, unit.parent_id);
  auto parent = parent_record ? unit_from_record(*parent_record) : std::nullopt;
  if (!parent) return catalog_error("unit_parent_unknown", "parent_id", Msg::ErrTheChosenParentUnitDoesNot);
  if (!may_hold(parent->type, unit.type))
    return catalog_error("unit_parent_type", "parent_id", Msg::ErrUnitCannotSitUnder, {unit_type_label(unit.type), unit_type_label(parent->type)});
  const UnitTree tree = units_from(records);
  if (!unit_id.empty() && tree.is_within(unit.parent_id, unit_id))
    return catalog_error("unit_cycle", "parent_id", Msg::ErrTheParentCannotBeAUnit);
  return ok_status();
}

kinds::KindSpec unit_kind() {
  kinds::KindSpec spec;
  spec.name = kUnitKind;
  spec.validate = validate_unit;
  spec.create_rights = kUnitStaff | kAdmin;
  spec.edit_rights = kUnitStaff | kAdmin;
  spec.on_create = on_create_unit;
  spec.on_edit = on_create_unit;  // a move is checked as a new placement
  spec.on_delete = on_delete_unit;
  spec.is_public = true;
  return spec;
}

}  // namespace nx::membership
