#pragma once
// Membership applications (入会申请), kind "membership_application", and their workflow:
//
//   draft --submit--> submitted --approve--> approved     (member number issued)
//                         |     --reject---> rejected     (reject_reason required)
//                         |     --request_info--> needs_info (info_request required)
//   needs_info --resubmit--> resubmitted --approve / reject / request_info--> ...
//   draft | submitted | needs_info | resubmitted --withdraw--> withdrawn
//   draft --revise--> draft   (the applicant fixes a draft)
//
// Who: approve / reject / request_info: staff of the application's unit or a unit above it,
// or an admin. submit / resubmit / withdraw / revise: the applicant (owner_id); when staff
// entered the application on the spot (集中入会: created_by is not the owner, owner_id may be
// empty), that staff side may do them too — the worker stood beside them and consented.
//
// The applicant changes the application only through these steps (each step takes only the
// fields it is about); staff of the unit may correct fields directly and re-route it (change
// unit_id) within their own part of the tree.
#include <array>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/membership/fields.h"
#include "core/membership/person.h"
#include "core/workflow.h"

namespace nx::membership {

inline constexpr const char* kApplicationKind = "membership_application";

inline constexpr std::array<std::string_view, 7> kApplicationStates = {
    "draft", "submitted", "needs_info", "resubmitted", "approved", "rejected", "withdrawn"};

// Waiting for a decision by staff (counts as "to do" on dashboards).
bool application_waiting(std::string_view status);
// Still in progress (not approved, rejected or withdrawn).
bool application_open(std::string_view status);

struct Application {
  Person person;
  std::string owner_id;        // "" when staff enrolled someone without an account
  std::string unit_id;         // the unit routing chose (or staff re-routed to)
  std::string routing_reason;  // one of kRouteReasons, or "" when staff chose the unit
  bool consent = false;        // the applicant agreed to the union's terms and data use
  std::string status;
  std::string member_no;       // set on approval
  std::string created_by, created_at, submitted_at, decided_by, decided_at;
  std::string reject_reason, info_request, info_reply, withdraw_reason;
};

Decoded<Application> decode_application(const nlohmann::json& fields);
Errors validate_application(const nlohmann::json& fields);

const Workflow& application_workflow();
kinds::KindSpec application_kind();

}  // namespace nx::membership
