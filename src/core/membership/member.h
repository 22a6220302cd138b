#pragma once
// Members (会员), kind "member": one record per person per unit they belong to.
//
// A member record is made by staff of the unit, from one of two sources, and copies the
// person, the owner and the member number from it (so nobody can type a member number in):
//   - application_id: an approved membership application of that unit (the usual way);
//   - transferred_from: a member record of another unit that was transferred out to this
//     unit (转会: the receiving unit takes the member in; the number stays the same).
// At most one member record comes from each source.
//
// Workflow (status):
//   active --lapse--> lapsed --renew--> active               staff of the unit / admin
//   active --transfer_out(transferred_to)--> transferred_out  the member or staff of the unit
//   transferred_out --cancel_transfer--> active               the member or staff of the unit,
//                                                             while the receiving unit has not taken them in
//
// Why a transfer is two records and not a change of unit_id: rights follow unit_id, so the
// sending unit lets go (transfer_out, on its record) and the receiving unit accepts (creates
// its record) — each side acts on what it is responsible for, both keep their history, and
// the dashboards count people where they are. Staff who are responsible for both units may
// also simply change unit_id.
#include <array>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/membership/fields.h"
#include "core/membership/person.h"
#include "core/workflow.h"

namespace nx::membership {

inline constexpr const char* kMemberKind = "member";

inline constexpr std::array<std::string_view, 3> kMemberStates = {"active", "lapsed", "transferred_out"};

struct Member {
  Person person;
  std::string owner_id;  // "" when enrolled by staff without an account
  std::string unit_id;
  std::string member_no;
  std::string status;
  std::string joined_on;    // YYYY-MM-DD
  std::string valid_until;  // YYYY-MM-DD, "" when open-ended
  std::string application_id, transferred_from;  // the source (exactly one)
  std::string transferred_to, transfer_reason, lapse_reason;
  std::string created_by, created_at;
};

Decoded<Member> decode_member(const nlohmann::json& fields);
Errors validate_member(const nlohmann::json& fields);

const Workflow& member_workflow();
kinds::KindSpec member_kind();

}  // namespace nx::membership
