#pragma once
// Joining the union from the phone (入会): the person's own application and member record,
// where the application will go and why (the core's routing, shown before submitting), and
// the form turned into the phone's changes: a new application and its submit step, or the
// answer to "please add ..." (resubmit).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/local_store.h"
#include "core/membership/routing.h"
#include "core/sync/record_source.h"

namespace nx::app {

// The person's most recent application, and their active member record (null when none).
const sync::Record* my_application(const sync::RecordSource& records, const std::string& user_id);
const sync::Record* my_membership(const sync::RecordSource& records, const std::string& user_id);

// The unit a worker's service request goes to: their own union if they are a member, else the
// district federation at the top of the tree (兜底: nobody is turned away).
std::string unit_for_requests(const sync::RecordSource& records, const std::string& user_id);

// Town federations, and the community federations under a town: the places a person picks.
struct AreaChoice {
  std::string unit_id;
  std::string name;  // the place ("城南街道"), not the union's name
  std::string area;  // the area code routing reads
};
std::vector<AreaChoice> towns(const sync::RecordSource& records);
std::vector<AreaChoice> communities(const sync::RecordSource& records, const std::string& town_id);

// Where the form's application would go now (nullopt until trade and area are chosen, or when
// nothing covers the area).
std::optional<membership::Route> join_route(const JoinForm& form, const sync::RecordSource& records);

// Opens an empty form for the signed-in person, their name and phone already filled.
void open_new_application(AppState& state);
// Shows the application form on 我的 (the one already being filled in, if any).
void open_join_page(AppState& state);

// Fills the form from an application (to answer a request for information, or to apply again
// after a refusal).
void fill_from(JoinForm& form, const sync::Record& application, const sync::RecordSource& records);

struct JoinPlan {
  std::vector<Change> changes;  // empty when errors is not
  FieldErrors errors;
};
// Checks every field (each problem named beside its field) and, when all is well, the changes
// to save in order. `new_id` makes the application's id.
JoinPlan plan_join(const JoinForm& form, const std::string& user_id, const sync::RecordSource& records,
                   const std::function<std::string()>& new_id);

}  // namespace nx::app
