#pragma once
// 职工保险 on the worker's phone: the union-paid plans open to them (their own union's and those
// above it; the top unit's for someone not yet a member), each with the places left and what
// stands between them and enrolling, and the change that enrols or withdraws. The server
// decides in the end (core/services/insurance.h): this says beforehand what it will say.
#include <cstdint>
#include <string>
#include <vector>

#include "app/local_store.h"
#include "core/sync/record_source.h"

namespace nx::app {

enum class PlanStanding {
  Open,        // they can enrol now
  Enrolled,    // they hold a place
  NotMember,   // only members in good standing may enrol
  NotYetOpen,  // enrolling starts on period_start
  Full,        // no places left
};

struct InsuranceOffer {
  const sync::Record* plan = nullptr;
  std::int64_t quota = 0;
  std::int64_t places_left = 0;
  const sync::Record* enrolment = nullptr;  // their live enrolment, when Enrolled
  PlanStanding standing = PlanStanding::Open;
};

// Plans whose period has not ended, the soonest to close first.
std::vector<InsuranceOffer> insurance_offers(const sync::RecordSource& records, const std::string& user_id,
                                             std::int64_t now_ms);

// Enrolling the signed-in worker's member record in the offer's plan.
Change enrol_in_plan(const InsuranceOffer& offer, const sync::Record& member, const std::string& user_id,
                     const std::string& new_id);
// Leaving the plan, with the worker's words.
Change withdraw_from_plan(const InsuranceOffer& offer, const std::string& reason);

}  // namespace nx::app
