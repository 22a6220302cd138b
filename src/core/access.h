#pragma once
// Who is acting, and what that person may do to a record: the worker it belongs to, staff of
// the record's union unit or any unit above it, the provider assigned to it, or an admin.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/sync/record.h"

namespace nx {

enum class Role { Worker, Staff, Admin };

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct Actor {
  std::string user_id;
  Role role = Role::Worker;
  std::string unit_id;      // staff: the unit they work for
  std::string provider_id;  // set when the user is (also) a provider: a panel lawyer, an organisation
};

// The tree of union units (district federation > town/community federations > company and
// industry unions). Answers "is this unit inside that one?" for staff rights.
class UnitTree {
 public:
  void add(const std::string& unit, const std::string& parent);  // parent "" for the root
  bool contains(const std::string& unit) const { return parent_.count(unit) != 0; }
  std::optional<std::string> parent(const std::string& unit) const;
  // True if `unit` is `ancestor` or lies below it. Unknown units are inside nothing.
  bool is_within(const std::string& unit, const std::string& ancestor) const;
  // From `unit` up to the root, `unit` first.
  std::vector<std::string> path_to_root(const std::string& unit) const;
  // Every unit within `ancestor` (is_within), for counting over many records: a set lookup per
  // record instead of a walk up the tree.
  std::unordered_set<std::string> within(const std::string& ancestor) const;

 private:
  std::map<std::string, std::string> parent_;
};

// Rights an actor holds over one record, as bits to test against what a step requires.
enum Right : unsigned {
  kOwner = 1u << 0,     // the worker the record belongs to (owner_id)
  kUnitStaff = 1u << 1, // staff of the record's unit or of a unit above it
  kProvider = 1u << 2,  // the provider assigned to it (provider_id)
  kAdmin = 1u << 3,
  kAnyone = 1u << 4,    // any signed-in person (public sign-ups)
};

// `fields` are the record's fields (owner_id, unit_id, provider_id decide).
unsigned rights_over(const Actor& actor, const nlohmann::json& fields, const UnitTree& units);

}  // namespace nx
