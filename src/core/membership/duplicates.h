#pragma once
// Duplicate-person detection (查重), shown to staff before they approve and to a worker
// before they apply: is this person already a member, or already applying?
// A match is either the same mobile number (normalized), or the same name AND the same
// employer (both after normalization; namesakes are common, so a name alone is no match).
// Withdrawn and rejected applications are no longer anyone's claim and are not matched.
#include <string>
#include <vector>

#include "core/messages/catalog.h"
#include "core/sync/record_source.h"

namespace nx::membership {

struct DuplicateCandidate {
  std::string phone;     // as typed; normalized here
  std::string name;
  std::string employer;
  std::string exclude_id;  // the candidate's own record, when checking one already stored
};

struct DuplicateMatch {
  std::string kind;  // "member" or "membership_application"
  std::string id;
  std::string status;
  std::string name;
  std::string masked_phone;  // 138****8000: lists never show whole numbers
  std::string unit_id;
  std::string member_no;
  bool same_phone = false;
  bool same_name_employer = false;
  Msg reason = Msg::Count_;  // why it matched, in words
};

// Members first, then applications; within each, by id. Scans every member and application
// (thousands in a district); a server at province scale narrows the scan with its indexes.
std::vector<DuplicateMatch> find_duplicates(const DuplicateCandidate& candidate, const sync::RecordSource& records);

}  // namespace nx::membership
