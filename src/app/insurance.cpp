#include "app/insurance.h"

#include <algorithm>
#include <set>

#include "app/join.h"
#include "core/civil_time.h"
#include "core/services/insurance.h"

namespace nx::app {

namespace {

// The unit and every unit above it: whose plans cover a member of `unit_id`.
std::set<std::string> unit_and_above(const sync::RecordSource& records, std::string unit_id) {
  std::set<std::string> chain;
  while (!unit_id.empty() && chain.insert(unit_id).second) {
    const sync::Record* u = records.get("unit", unit_id);
    unit_id = u ? u->str("parent_id") : "";
  }
  return chain;
}

const sync::Record* live_enrolment(const sync::RecordSource& records, const std::string& plan_id,
                                   const std::string& user_id) {
  for (const sync::Record* e : records.find("insurance_enrolment", "plan_id", plan_id))
    if (!e->deleted && e->str("owner_id") == user_id && e->str("status") == "enrolled") return e;
  return nullptr;
}

}  // namespace

std::vector<InsuranceOffer> insurance_offers(const sync::RecordSource& records, const std::string& user_id,
                                             std::int64_t now_ms) {
  const sync::Record* member = my_membership(records, user_id);
  const bool good_standing = member && services::member_in_good_standing(member->fields, now_ms);
  const std::set<std::string> covering = unit_and_above(records, unit_for_requests(records, user_id));
  const std::string today = civil::format_date(civil::to_china_local(now_ms).date);

  std::vector<InsuranceOffer> offers;
  for (const sync::Record* plan : records.all("insurance_plan")) {
    if (plan->deleted || !covering.count(plan->str("unit_id")) || plan->str("period_end") < today) continue;
    InsuranceOffer o;
    o.plan = plan;
    o.quota = plan->integer("quota", 0);
    o.places_left = std::max<std::int64_t>(0, o.quota - static_cast<std::int64_t>(services::places_taken_in_plan(records, plan->id)));
    o.enrolment = live_enrolment(records, plan->id, user_id);
    if (o.enrolment) o.standing = PlanStanding::Enrolled;
    else if (!good_standing) o.standing = PlanStanding::NotMember;
    else if (plan->str("period_start") > today) o.standing = PlanStanding::NotYetOpen;
    else if (o.places_left == 0) o.standing = PlanStanding::Full;
    offers.push_back(o);
  }
  std::sort(offers.begin(), offers.end(), [](const InsuranceOffer& a, const InsuranceOffer& b) {
    return std::make_pair(a.plan->str("period_end"), a.plan->id) < std::make_pair(b.plan->str("period_end"), b.plan->id);
  });
  return offers;
}

Change enrol_in_plan(const InsuranceOffer& offer, const sync::Record& member, const std::string& user_id,
                     const std::string& new_id) {
  return {"insurance_enrolment", new_id,
          {{"plan_id", offer.plan->id}, {"member_id", member.id}, {"owner_id", user_id}, {"unit_id", offer.plan->str("unit_id")}},
          "", false};
}

Change withdraw_from_plan(const InsuranceOffer& offer, const std::string& reason) {
  nlohmann::json params = nlohmann::json::object();
  if (!reason.empty()) params["reason"] = reason;
  return {"insurance_enrolment", offer.enrolment ? offer.enrolment->id : "", params, "withdraw", false};
}

}  // namespace nx::app
