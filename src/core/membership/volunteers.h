#pragma once
// Volunteer teams (6 支志愿服务小分队), kind "volunteer_team", kept by staff of their unit; and a
// member's place in one, kind "volunteer_membership":
//   joined --leave--> left --rejoin--> joined      the volunteer, or staff of the team's unit
// A worker joins by creating their volunteer_membership (owner_id = themselves); only members
// in good standing (an active member record) join, once per team — coming back is "rejoin".
// The membership's unit_id is the team's (filled in when absent), so the team's staff see it.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/locale.h"
#include "core/membership/fields.h"
#include "core/workflow.h"

namespace nx::membership {

inline constexpr const char* kVolunteerTeamKind = "volunteer_team";
inline constexpr const char* kVolunteerMembershipKind = "volunteer_membership";

enum class VolunteerFocus {
  Theory,          // 理论速递
  Civic,           // 创城创卫
  SpecialCare,     // 特殊帮扶
  CaringFleet,     // 爱心车队
  LivestreamFarm,  // 直播助农
  SafetyPatrol,    // 平安巡查
};

inline constexpr std::array<std::string_view, 6> kVolunteerFocusNames = {
    "theory", "civic", "special_care", "caring_fleet", "livestream_farm", "safety_patrol"};

std::string_view volunteer_focus_name(VolunteerFocus f);
std::optional<VolunteerFocus> parse_volunteer_focus(std::string_view name);
Msg volunteer_focus_label(VolunteerFocus f);

struct VolunteerTeam {
  std::string name;
  VolunteerFocus focus = VolunteerFocus::Theory;
  std::string unit_id;
  std::string description;
};

struct VolunteerMembership {
  std::string team_id, owner_id, unit_id, status;
};

inline constexpr std::array<std::string_view, 2> kVolunteerStates = {"joined", "left"};

Decoded<VolunteerTeam> decode_volunteer_team(const nlohmann::json& fields);
Decoded<VolunteerMembership> decode_volunteer_membership(const nlohmann::json& fields);

const Workflow& volunteer_membership_workflow();
kinds::KindSpec volunteer_team_kind();
kinds::KindSpec volunteer_membership_kind();

}  // namespace nx::membership
