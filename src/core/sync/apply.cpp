#include "core/sync/apply.h"

#include <algorithm>

namespace nx::sync {

using nlohmann::json;

std::string_view apply_status_name(ApplyStatus s) {
  switch (s) {
    case ApplyStatus::Applied: return "applied";
    case ApplyStatus::Merged: return "merged";
    case ApplyStatus::Rejected: return "rejected";
  }
  return "rejected";
}

namespace {

ApplyResult rejected(const Record* current, Error reason) {
  ApplyResult r;
  r.status = ApplyStatus::Rejected;
  r.reason = std::move(reason);
  if (current) r.record = *current;
  return r;
}

Error forbidden() {
  return catalog_error("forbidden", "", Msg::ErrYouMayNotChangeThisRecord);
}

std::optional<Error> touches_step_only_field(const kinds::KindSpec& spec, const json& set) {
  for (const auto& [name, _] : set.items()) {
    const bool step_only = name == spec.status_field && spec.workflow != nullptr;
    if (step_only || std::find(spec.step_only_fields.begin(), spec.step_only_fields.end(), name) != spec.step_only_fields.end())
      return catalog_error("field_protected", name, Msg::ErrFieldOnlyThroughWorkflow, {name});
  }
  return std::nullopt;
}

std::optional<Error> validate_fields(const kinds::KindSpec& spec, const json& fields) {
  if (!spec.validate) return std::nullopt;
  Errors errors = spec.validate(fields);
  if (errors.empty()) return std::nullopt;
  return errors.front();
}

// Copies `set` into `record` field by field where the op's stamp is newer; true if all took.
bool merge_fields(Record& record, const json& set, const Hlc& stamp, bool* any_applied) {
  bool all = true;
  for (const auto& [name, value] : set.items()) {
    const Hlc* was = record.stamps.find(name);
    if (!was || stamp > *was) {
      record.fields[name] = value;
      record.stamps.set(name, stamp);
      *any_applied = true;
    } else {
      all = false;
    }
  }
  return all;
}

// Fields a rule changed (a member number issued, an owner copied) carry the op's stamp, so
// they merge like any other write of that op.
void stamp_changes(Record& record, const json& before, const Hlc& stamp) {
  for (const auto& [name, value] : record.fields.items())
    if (!before.contains(name) || before[name] != value) record.stamps.set(name, stamp);
}

ApplyResult apply_delete(const Record* current, const Op& op, const kinds::KindSpec& spec, const ApplyContext& ctx) {
  Record record;
  if (current) {
    record = *current;
    if (!(rights_over(ctx.actor, current->fields, ctx.units) & spec.edit_rights)) return rejected(current, forbidden());
    if (spec.on_delete && !current->deleted) {
      json fields = current->fields;
      kinds::StepContext step{ctx.actor, *current, fields, op.set, ctx.records, ctx.now_ms};
      if (Status s = spec.on_delete(step); !s) return rejected(current, s.error());
    }
  } else {
    // A delete that arrives before the record itself: keep the tombstone so the record, when
    // it arrives, is already deleted. Only someone who could have created it may do this.
    if (!(rights_over(ctx.actor, json::object(), ctx.units) & spec.create_rights & ~unsigned(kOwner)))
      return rejected(current, catalog_error("not_found", "id", Msg::ErrNoSuchRecord));
    record.kind = op.kind;
    record.id = op.id;
  }
  ApplyResult r;
  const bool newer = !record.deleted || op.hlc > record.deleted_at;
  r.status = record.deleted ? ApplyStatus::Merged : ApplyStatus::Applied;
  if (newer) record.deleted_at = std::max(record.deleted_at, op.hlc);
  record.deleted = true;
  r.record = std::move(record);
  return r;
}

ApplyResult apply_set(const Record* current, const Op& op, const kinds::KindSpec& spec, const ApplyContext& ctx) {
  if (auto e = touches_step_only_field(spec, op.set)) return rejected(current, *e);
  if (!current) {
    if (!(rights_over(ctx.actor, op.set, ctx.units) & spec.create_rights)) return rejected(current, forbidden());
    Record record;
    record.kind = op.kind;
    record.id = op.id;
    bool any = false;
    merge_fields(record, op.set, op.hlc, &any);
    // The initial state carries no stamp: whichever op happens to create the record, the
    // result is the same, and any later step is newer than it.
    if (spec.workflow) record.fields[spec.status_field] = std::string(spec.workflow->initial);
    if (auto e = validate_fields(spec, record.fields)) return rejected(current, *e);
    if (spec.on_create) {
      kinds::StepContext step{ctx.actor, record, record.fields, op.set, ctx.records, ctx.now_ms};
      if (Status s = spec.on_create(step); !s) return rejected(current, s.error());
    }
    return ApplyResult{ApplyStatus::Applied, std::nullopt, std::move(record)};
  }

  const unsigned before_rights = rights_over(ctx.actor, current->fields, ctx.units);
  if (!(before_rights & spec.edit_rights)) return rejected(current, forbidden());
  Record record = *current;
  bool any = false;
  const bool all = merge_fields(record, op.set, op.hlc, &any);
  // Nobody moves a record out of their own reach (changing its owner or unit to one they
  // have no rights over).
  if (!(rights_over(ctx.actor, record.fields, ctx.units) & spec.edit_rights)) return rejected(current, forbidden());
  if (auto e = validate_fields(spec, record.fields)) return rejected(current, *e);
  if (spec.on_edit && any && !record.deleted) {
    const json merged = record.fields;
    kinds::StepContext step{ctx.actor, *current, record.fields, op.set, ctx.records, ctx.now_ms};
    if (Status s = spec.on_edit(step); !s) return rejected(current, s.error());
    stamp_changes(record, merged, op.hlc);
  }
  const bool visible = any && !record.deleted;
  return ApplyResult{all && visible ? ApplyStatus::Applied : ApplyStatus::Merged, std::nullopt, std::move(record)};
}

ApplyResult apply_transition(const Record* current, const Op& op, const kinds::KindSpec& spec, const ApplyContext& ctx) {
  if (!current) return rejected(current, catalog_error("not_found", "id", Msg::ErrNoSuchRecord));
  if (current->deleted) return rejected(current, catalog_error("deleted", "id", Msg::ErrThisRecordWasDeleted));
  if (!spec.workflow)
    return rejected(current, catalog_error("transition_unknown", "transition", Msg::ErrThisKindOfRecordHasNo));
  if (auto e = touches_step_only_field(spec, op.set)) return rejected(current, *e);

  const Workflow& wf = *spec.workflow;
  const std::string state = current->str(spec.status_field);
  const Transition* step = wf.find(op.transition);
  const Hlc* stamp = current->stamps.find(spec.status_field);
  if (step && stamp && !(op.hlc > *stamp)) {
    // Made before the record's last state change: a replay of it, or a conflict to show.
    if (state == step->to) return ApplyResult{ApplyStatus::Merged, std::nullopt, *current};
    return rejected(current, catalog_error("conflict", "transition", Msg::ErrTheRecordChangedSinceNowReview, {state}));
  }
  const unsigned rights = rights_over(ctx.actor, current->fields, ctx.units);
  auto to = check_transition(wf, state, op.transition, rights);
  if (!to) return rejected(current, to.error());

  Record record = *current;
  bool any = false;
  merge_fields(record, op.set, op.hlc, &any);
  record.fields[spec.status_field] = to.value();
  record.stamps.set(spec.status_field, op.hlc);
  if (spec.on_step) {
    const json before_step = record.fields;
    kinds::StepContext ctx_step{ctx.actor, *current, record.fields, op.set, ctx.records, ctx.now_ms};
    if (Status s = spec.on_step(op.transition, ctx_step); !s) return rejected(current, s.error());
    stamp_changes(record, before_step, op.hlc);
  }
  if (auto e = validate_fields(spec, record.fields)) return rejected(current, *e);
  return ApplyResult{ApplyStatus::Applied, std::nullopt, std::move(record)};
}

}  // namespace

ApplyResult apply_op(const Record* current, const Op& op, const ApplyContext& ctx) {
  const kinds::KindSpec* spec = ctx.registry.find(op.kind);
  if (!spec) return rejected(current, catalog_error("kind_unknown", "kind", Msg::ErrUnknownRecordKind, {op.kind}));
  if (current && (current->kind != op.kind || current->id != op.id))
    return rejected(current, catalog_error("id_mismatch", "id", Msg::ErrTheOpIsForAnotherRecord));
  if (op.del) return apply_delete(current, op, *spec, ctx);
  if (!op.transition.empty()) return apply_transition(current, op, *spec, ctx);
  return apply_set(current, op, *spec, ctx);
}

}  // namespace nx::sync
