#pragma once
// The content registry of record kinds: each domain file registers its kinds here (how to
// validate the fields, which workflow drives it, who may create and edit it, what a step does
// besides changing the state, who may read it, which counts a save changes). Sync, the server
// and the app look kinds up here; adding a kind touches its own file and one line in the
// registration file of its area.
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

// Counts the server keeps on a record for everyone, because no phone can count them: a
// worker's phone holds only its own registrations, bookings and enrolments. How to recount is
// the server's (server/sync/session_counts.h); which saves call for a recount is the kind's.
enum class Counter {
  SessionSeats,    // an event session's seats taken and waitlist; a freed seat goes to the waitlist
  SlotPlaces,      // a health-check slot's places taken
  PlanEnrolments,  // an insurance plan's enrolled
};

// After a record of the kind is saved, `counter` is recounted on the record named by the saved
// record's field `record_field` (the session of a registration), or on the saved record itself
// when `record_field` is empty (a session whose capacity changed).
struct Recount {
  Counter counter;
  std::string record_field;
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

  // Who may read it (sync/visibility.h). Public: the union's public face, readable by anyone
  // signed in. Otherwise: the worker it belongs to, its provider, staff of its unit and above,
  // admins.
  bool is_public = false;
  // A public record that is not out yet (a draft event): until then only staff of its unit and
  // above, and admins, read it. Null: every record of the kind is out.
  bool (*unpublished)(const sync::Record& record) = nullptr;
  // Fields left out for everyone but staff of its unit and above, admins, and the provider the
  // record describes (a lawyer's own mobile, the union's notes about them).
  std::vector<std::string> private_fields;
  // Counts the server recounts after a save of this kind.
  std::vector<Recount> recounts;
};

class Registry {
 public:
  // Throws std::logic_error for a name already registered: two areas claiming one kind would
  // otherwise silently lose the rules of the first, and the registry is built at the first
  // look-up, so the mistake stops the program as it starts.
  void add(KindSpec spec);
  const KindSpec* find(const std::string& kind) const;
  std::vector<std::string> kinds() const;
  std::vector<std::string> public_kinds() const;

 private:
  std::map<std::string, KindSpec> specs_;
};

// Every kind of the union's services.
const Registry& registry();

}  // namespace nx::kinds
