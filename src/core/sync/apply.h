#pragma once
// Applying one op to one record with the core's rules: the same function runs on the phone
// (instant feedback, offline) and on the server (the truth).
//   - set: field-level last-writer-wins by HLC (ties cannot happen: stamps carry the device);
//     creates the record when it is new, if the actor may create that kind
//   - transition: through the kind's workflow, on the record's current state, checked for who
//     may fire it; a step older than the record's last state change is a conflict, not an
//     overwrite (unless it already led to the same state: then it is a no-op)
//   - delete: a tombstone that wins over every field; fields still merge underneath it, so
//     sets and deletes give the same result in any order and any number of times
#include <cstdint>
#include <optional>

#include "core/access.h"
#include "core/kinds/registry.h"
#include "core/sync/op.h"
#include "core/sync/record.h"
#include "core/sync/record_source.h"

namespace nx::sync {

enum class ApplyStatus {
  Applied,   // everything in the op took effect
  Merged,    // accepted, but newer writes already held some or all of its fields
  Rejected,  // refused; `reason` says why, the record is unchanged
};

std::string_view apply_status_name(ApplyStatus s);

struct ApplyContext {
  const kinds::Registry& registry;
  const Actor& actor;
  const UnitTree& units;
  const RecordSource* records = nullptr;
  std::int64_t now_ms = 0;
};

struct ApplyResult {
  ApplyStatus status = ApplyStatus::Rejected;
  std::optional<Error> reason;  // set when rejected
  Record record;                // the record after the op (unchanged input when rejected)
};

// `current` is the stored record, or null when there is none with this kind and id.
ApplyResult apply_op(const Record* current, const Op& op, const ApplyContext& ctx);

}  // namespace nx::sync
