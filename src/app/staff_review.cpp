#include "app/staff_review.h"

#include <algorithm>

#include "core/membership/application.h"
#include "core/membership/member.h"
#include "core/membership/person.h"
#include "core/services/provider.h"
#include "core/services/service_request.h"

namespace nx::app {

std::vector<Change> approve_application(const sync::Record& application, const std::string& member_id) {
  // The member record takes the person from the application (the core copies them again on
  // creation); sent along so the record is whole wherever it is checked.
  nlohmann::json member = {{"application_id", application.id}, {"unit_id", application.str("unit_id")}};
  membership::copy_person_fields(application.fields, member);
  return {
      {membership::kApplicationKind, application.id, nlohmann::json::object(), "approve", false},
      {membership::kMemberKind, member_id, std::move(member), "", false},
  };
}

Change reject_application(const sync::Record& application, const std::string& reason) {
  return {membership::kApplicationKind, application.id, {{"reject_reason", reason}}, "reject", false};
}

Change ask_for_information(const sync::Record& application, const std::string& what) {
  return {membership::kApplicationKind, application.id, {{"info_request", what}}, "request_info", false};
}

std::vector<membership::DuplicateMatch> application_duplicates(const sync::Record& application,
                                                               const sync::RecordSource& records) {
  return membership::find_duplicates(
      {application.str("phone"), application.str("name"), application.str("employer"), application.id}, records);
}

std::vector<const sync::Record*> providers_for(const sync::Record& request, const sync::RecordSource& records,
                                               const UnitTree& units) {
  const std::string category = request.str("category");  // the service named may be a view of it
  const std::string_view service = services::service_for_category(category);
  const std::string unit = request.str("unit_id");
  std::vector<const sync::Record*> out;
  for (const sync::Record* p : records.all("provider")) {
    if (p->deleted || !services::provider_offers(p->fields, service)) continue;
    // A provider of the request's unit or of a unit above it serves it (a district's lawyers
    // take the towns' cases).
    if (const std::string pu = p->str("unit_id"); !pu.empty() && !units.is_within(unit, pu)) continue;
    out.push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const sync::Record* a, const sync::Record* b) {
    return a->str("name") != b->str("name") ? a->str("name") < b->str("name") : a->id < b->id;
  });
  return out;
}

Change match_request(const sync::Record& request, const std::string& provider_id, const std::string& due_date) {
  return {"service_request", request.id, {{"provider_id", provider_id}, {"due_date", due_date}}, "match", false};
}

Change deliver_request(const sync::Record& request) {
  return {"service_request", request.id, nlohmann::json::object(), "deliver", false};
}

}  // namespace nx::app
