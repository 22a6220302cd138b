#pragma once
// The content registry of record kinds: each domain file registers its kinds here (how to
// validate the fields, which workflow drives it, who may create and edit it, what a step does
// besides changing the state). Sync, the server and the app look kinds up here; adding a kind
// touches its own file and one line in registry.cpp.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/errors.h"
#include "core/sync/record.h"
#include "core/sync/record_source.h"
#include "core/workflow.h"

namespace nx::kinds {

// What a transition's extra rule sees and may change.
struct StepContext {
  const Actor& actor;
  const sync::Record& before;       // the record as it is now
  nlohmann::json& fields;           // the fields after the step (status already set); change freely
  const nlohmann::json& params;     // the op's `set`: the step's parameters (reason, provider...)
  const sync::RecordSource* records;  // other records, when the caller has them (may be null)
  std::int64_t now_ms;
};

struct KindSpec {
  std::string name;
  // Checks a complete record's fields (after a change). Errors name the fields.
  Errors (*validate)(const nlohmann::json& fields) = nullptr;
  const Workflow* workflow = nullptr;  // null: a plain record with no states
  std::string status_field = "status";
  // Who may create a record of this kind and who may set its fields afterwards (Right bits).
  // A creator with only kOwner must name themselves as owner_id.
  unsigned create_rights = kAdmin;
  unsigned edit_rights = kAdmin;
  // Fields only steps may change (the status, a member number issued on approval, ...).
  std::vector<std::string> step_only_fields;
  // Extra rule and side effects of a step (capacity, member numbers). Null: none.
  Status (*on_step)(const std::string& transition, StepContext& ctx) = nullptr;
  // Extra rule when a record is created (a second handout to the same member). Null: none.
  Status (*on_create)(StepContext& ctx) = nullptr;
  // Extra rule when fields of a stored record are set (a unit moved under its own child).
  // ctx.before is the stored record, ctx.fields the fields after the merge. Null: none.
  Status (*on_edit)(StepContext& ctx) = nullptr;
  // Extra rule before a stored record is deleted (a unit that still has units under it).
  // ctx.fields are the record's fields; changes to them are ignored. Null: none.
  Status (*on_delete)(StepContext& ctx) = nullptr;
};

class Registry {
 public:
  void add(KindSpec spec);
  const KindSpec* find(const std::string& kind) const;
  std::vector<std::string> kinds() const;

 private:
  std::map<std::string, KindSpec> specs_;
};

// Every kind of the union's services.
const Registry& registry();

}  // namespace nx::kinds
