#include "core/access.h"

#include "core/sync/record.h"

namespace nx {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Worker: return "worker";
    case Role::Staff: return "staff";
    case Role::Admin: return "admin";
  }
  return "worker";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "worker") return Role::Worker;
  if (name == "staff") return Role::Staff;
  if (name == "admin") return Role::Admin;
  return std::nullopt;
}

void UnitTree::add(const std::string& unit, const std::string& parent) { parent_[unit] = parent; }

std::optional<std::string> UnitTree::parent(const std::string& unit) const {
  auto it = parent_.find(unit);
  if (it == parent_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

bool UnitTree::is_within(const std::string& unit, const std::string& ancestor) const {
  if (unit.empty() || ancestor.empty()) return false;
  std::string current = unit;
  // The depth bound guards against a cycle in bad data.
  for (std::size_t steps = 0; steps <= parent_.size(); ++steps) {
    if (current == ancestor) return contains(current);
    auto it = parent_.find(current);
    if (it == parent_.end() || it->second.empty()) return false;
    current = it->second;
  }
  return false;
}

std::unordered_set<std::string> UnitTree::within(const std::string& ancestor) const {
  std::unordered_set<std::string> out;
  for (const auto& [unit, parent] : parent_)
    if (is_within(unit, ancestor)) out.insert(unit);
  return out;
}

std::vector<std::string> UnitTree::path_to_root(const std::string& unit) const {
  std::vector<std::string> path;
  std::string current = unit;
  while (contains(current) && path.size() <= parent_.size()) {
    path.push_back(current);
    auto p = parent(current);
    if (!p) break;
    current = *p;
  }
  return path;
}

unsigned rights_over(const Actor& actor, const nlohmann::json& fields, const UnitTree& units) {
  auto field = [&](const char* name) -> std::string {
    auto it = fields.find(name);
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  unsigned rights = kAnyone;
  if (actor.role == Role::Admin) rights |= kAdmin | kUnitStaff;
  const std::string owner = field(sync::kOwnerField);
  if (!owner.empty() && owner == actor.user_id) rights |= kOwner;
  if (actor.role == Role::Staff && units.is_within(field(sync::kUnitField), actor.unit_id)) rights |= kUnitStaff;
  const std::string provider = field("provider_id");
  if (!actor.provider_id.empty() && provider == actor.provider_id) rights |= kProvider;
  return rights;
}

}  // namespace nx
