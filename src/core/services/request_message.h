#pragma once
// The question-and-answer thread of a service request: the worker's question, the lawyer's
// answer, follow-ups. Record kind "request_message"; fields:
//   request_id, owner_id + unit_id (+ provider_id when the request has one: copies of the
//   request's, so the server shows a message to exactly those who see the request),
//   author_id, author_role (worker | provider | staff), at (when it was written), text
//
// Why one record per message and not an array field on the request: sync merges a field as a
// whole, last writer wins. A worker adding a follow-up offline while the lawyer answers
// would each write the whole array, and one of the two messages would be lost. Messages as
// their own records (UUIDs made on the device) only ever get added, so every device ends with
// every message whatever order they arrive in; they are never edited (edit_rights: admin).
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/services/kind_support.h"

namespace nx::services {

inline constexpr std::array<std::string_view, 3> kAuthorRoles{"worker", "provider", "staff"};
inline constexpr std::size_t kMaxMessageChars = 1000;

Errors validate_request_message(const nlohmann::json& fields);

// The thread of `request_id`, oldest first (by `at`, then id so every device agrees).
std::vector<const sync::Record*> request_thread(const sync::RecordSource& records, const std::string& request_id);

// How `actor` signs a message in the request's thread: "worker" (its owner), "provider" (the
// assigned provider's account), "staff" (anyone else not a worker), or "" (may not write).
std::string author_role_for(const Actor& actor, const sync::Record& request);

kinds::KindSpec request_message_kind();

}  // namespace nx::services
