#pragma once
// What staff decide on an application or a service request, as the phone's changes. Each
// returns the changes to save in order; the core's rules check them again on the phone and on
// the server, so these only shape them.
#include <string>
#include <vector>

#include "app/local_store.h"
#include "core/membership/duplicates.h"
#include "core/sync/record_source.h"

namespace nx::app {

// Approve: the step issues the member number, then the member record joins the person to the
// application's unit (it copies the person and the number from the application).
std::vector<Change> approve_application(const sync::Record& application, const std::string& member_id);
Change reject_application(const sync::Record& application, const std::string& reason);
Change ask_for_information(const sync::Record& application, const std::string& what);

// Likely the same person, found before approving: a member or another open application with
// the same mobile number, or the same name and employer.
std::vector<membership::DuplicateMatch> application_duplicates(const sync::Record& application,
                                                               const sync::RecordSource& records);

// 配单: the providers of the request's unit or above who offer what it asks for, by name.
std::vector<const sync::Record*> providers_for(const sync::Record& request, const sync::RecordSource& records,
                                               const UnitTree& units);
Change match_request(const sync::Record& request, const std::string& provider_id, const std::string& due_date);
Change deliver_request(const sync::Record& request);

}  // namespace nx::app
