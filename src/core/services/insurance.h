#pragma once
// Union-paid insurance (职工意外伤害险 accident, 健康保险 health): a plan with a quota of places
// for a period, and members enrolling in it.
// Record kind "insurance_plan" (staff of its unit keep it); fields:
//   name, plan_type (accident | health), unit_id, quota (most enrolments), period_start,
//   period_end (China dates, inclusive), description, enrolled (live enrolments: kept by the
//   server, because a worker's phone sees only its own enrolment, so it cannot count them)
// Record kind "insurance_enrolment"; fields:
//   plan_id, member_id, owner_id (the worker), unit_id (the plan's), status, enrolled_at,
//   withdraw_reason
//   enrolled --withdraw{reason?}--> withdrawn      the worker, or staff over the plan's unit
// Created by the worker or by staff for them. Creating it checks, against the records there
// (the server's are the truth, so the quota holds however many phones enrol offline):
//   - the plan exists, the enrolment carries its unit, and today lies in its period;
//   - the member record is the worker's and in good standing (member_in_good_standing);
//   - the member has no other live enrolment in the plan (a withdrawn one does not count);
//   - fewer live enrolments than the quota.
#include <array>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/services/kind_support.h"
#include "core/workflow.h"

namespace nx::services {

inline constexpr std::array<std::string_view, 2> kPlanTypes{"accident", "health"};
inline constexpr std::int64_t kMaxQuota = 1'000'000;

Errors validate_insurance_plan(const nlohmann::json& fields);
Errors validate_insurance_enrolment(const nlohmann::json& fields);
const Workflow& insurance_enrolment_workflow();

// A "member" record (membership area) in good standing: status "active" and valid_until
// (a China date) not before today, or no valid_until at all (an open-ended membership).
bool member_in_good_standing(const nlohmann::json& member_fields, std::int64_t now_ms);

// Live enrolments of the plan with status "enrolled" in `records` alone: what the server
// counts to keep the plan's "enrolled".
std::size_t enrolled_count(const sync::RecordSource& records, const std::string& plan_id);
// Places of the plan taken: the larger of enrolled_count and the plan's "enrolled".
std::size_t places_taken_in_plan(const sync::RecordSource& records, const std::string& plan_id);

kinds::KindSpec insurance_plan_kind();
kinds::KindSpec insurance_enrolment_kind();

}  // namespace nx::services
