// Members: decoding, the workflow, where a member record may come from, and each step's rules.
#include "core/membership/member.h"

#include "core/civil_time.h"
#include "core/membership/application.h"
#include "core/membership/member_number.h"
#include "core/membership/steps.h"
#include "core/membership/unit.h"
#include "core/text.h"

namespace nx::membership {

using nlohmann::json;

namespace {

// "card": the signed card payload the server adds when it sends the record to the member's own
// phone (card.h); never stored, and no step or set may write it.
constexpr std::array<std::string_view, 21> kMemberFields = {
    "name",          "phone",           "trade",          "employer",       "area",         "owner_id",   "unit_id",
    "member_no",     "status",          "joined_on",      "valid_until",    "application_id", "transferred_from",
    "transferred_to", "transfer_reason", "lapse_reason",  "created_by",     "created_at",   "steps",      "note",
    "card"};

constexpr std::size_t kReasonChars = 200;

}  // namespace

Decoded<Member> decode_member(const json& fields) {
  Decoded<Member> out;
  Member& m = out.value;
  json_in::Reader r(fields, "member");
  read_person(r, fields, m.person);
  m.owner_id = optional_id(r, "owner_id");
  m.unit_id = required_id(r, "unit_id");
  m.member_no = r.str("member_no", 23).value_or("");
  if (!m.member_no.empty() && !is_member_number(m.member_no))
    r.add(catalog_error("member_no_invalid", "member_no", Msg::ErrNotAValidMemberNumber));
  if (auto s = r.one_of("status", kMemberStates)) m.status = *s;
  else r.require("status");
  m.joined_on = r.date("joined_on").value_or("");
  m.valid_until = r.date("valid_until").value_or("");
  m.application_id = optional_id(r, "application_id");
  m.transferred_from = optional_id(r, "transferred_from");
  m.transferred_to = optional_id(r, "transferred_to");
  m.transfer_reason = optional_text(r, "transfer_reason", kReasonChars);
  m.lapse_reason = optional_text(r, "lapse_reason", kReasonChars);
  optional_text(r, "note", 500);
  optional_text(r, "card", 400);
  m.created_by = r.str("created_by", 64).value_or("");
  m.created_at = r.datetime("created_at").value_or("");
  if (auto e = check_steps_field(fields)) r.add(*e);
  refuse_unknown_fields(r, fields, kMemberFields);

  if (r.ok()) {
    if (m.application_id.empty() == m.transferred_from.empty())
      r.add(catalog_error("member_source_required", "application_id", Msg::ErrAMemberRecordComesFromOne));
    if (m.status == "transferred_out" && m.transferred_to.empty())
      r.add(catalog_error("required", "transferred_to", Msg::ErrChooseTheUnitToTransferTo));
    if (!m.transferred_to.empty() && m.transferred_to == m.unit_id)
      r.add(catalog_error("transfer_same_unit", "transferred_to", Msg::ErrTheMemberIsAlreadyInThat));
    if (!m.joined_on.empty() && !m.valid_until.empty() && m.valid_until < m.joined_on)
      r.add(catalog_error("valid_until_before_joined", "valid_until", Msg::ErrValidUntilCannotBeBeforeThe));
  }
  out.errors = r.take_errors();
  return out;
}

Errors validate_member(const json& fields) { return decode_member(fields).errors; }

const Workflow& member_workflow() {
  static const Workflow wf{
      kMemberKind,
      "active",
      {kMemberStates.begin(), kMemberStates.end()},
      {
          {"lapse", {"active"}, "lapsed", kUnitStaff},
          {"renew", {"lapsed"}, "active", kUnitStaff},
          {"transfer_out", {"active"}, "transferred_out", kOwner | kUnitStaff},
          {"cancel_transfer", {"transferred_out"}, "active", kOwner | kUnitStaff},
      }};
  return wf;
}

namespace {

constexpr std::array<std::string_view, 1> kLapseParams = {"lapse_reason"};
constexpr std::array<std::string_view, 1> kRenewParams = {"valid_until"};
constexpr std::array<std::string_view, 2> kTransferParams = {"transferred_to", "transfer_reason"};

Status from_application(kinds::StepContext& ctx, const std::string& app_id) {
  const sync::Record* app = ctx.records->get(kApplicationKind, app_id);
  if (!app || app->deleted)
    return catalog_error("application_unknown", "application_id", Msg::ErrNoSuchMembershipApplication);
  if (app->str("status") != "approved")
    return catalog_error("application_not_approved", "application_id", Msg::ErrTheApplicationIsNotApprovedYet);
  if (app->str("unit_id") != field_str(ctx.fields, "unit_id"))
    return catalog_error("member_unit_mismatch", "unit_id", Msg::ErrTheMemberJoinsTheUnitThat);
  for (const sync::Record* m : ctx.records->find(kMemberKind, "application_id", app_id))
    if (m->id != ctx.before.id)
      return catalog_error("member_exists", "application_id", Msg::ErrThisApplicationAlreadyHasItsMember, {m->str("member_no")});
  copy_person_fields(app->fields, ctx.fields);
  if (const std::string owner = app->str("owner_id"); !owner.empty()) ctx.fields["owner_id"] = owner;
  else ctx.fields.erase("owner_id");
  ctx.fields["member_no"] = app->str("member_no");
  auto decided = civil::parse_datetime_ms(app->str("decided_at"));
  ctx.fields["joined_on"] = civil::format_date(civil::to_china_local(decided.value_or(ctx.now_ms)).date);
  append_step(ctx.fields, "join", ctx.actor, ctx.now_ms, app->str("member_no"));
  return ok_status();
}

Status from_transfer(kinds::StepContext& ctx, const std::string& from_id) {
  const sync::Record* src = ctx.records->get(kMemberKind, from_id);
  if (!src || src->deleted) return catalog_error("member_unknown", "transferred_from", Msg::ErrNoSuchMemberRecordToTransfer);
  if (src->str("status") != "transferred_out")
    return catalog_error("transfer_not_started", "transferred_from", Msg::ErrTheMemberHasNotBeenTransferred);
  if (src->str("transferred_to") != field_str(ctx.fields, "unit_id"))
    return catalog_error("member_unit_mismatch", "unit_id", Msg::ErrTheMemberIsBeingTransferredTo);
  for (const sync::Record* m : ctx.records->find(kMemberKind, "transferred_from", from_id))
    if (m->id != ctx.before.id)
      return catalog_error("transfer_received", "transferred_from", Msg::ErrThisTransferWasAlreadyReceived);
  copy_person_fields(src->fields, ctx.fields);
  if (const std::string owner = src->str("owner_id"); !owner.empty()) ctx.fields["owner_id"] = owner;
  else ctx.fields.erase("owner_id");
  ctx.fields["member_no"] = src->str("member_no");
  ctx.fields["joined_on"] = src->str("joined_on");
  if (const std::string until = src->str("valid_until"); !until.empty()) ctx.fields["valid_until"] = until;
  append_step(ctx.fields, "transfer_in", ctx.actor, ctx.now_ms, src->str("unit_id"));
  return ok_status();
}

Status on_create_member(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  ctx.fields["created_by"] = ctx.actor.user_id;
  ctx.fields["created_at"] = iso_moment(ctx.now_ms);
  if (const std::string app_id = field_str(ctx.fields, "application_id"); !app_id.empty())
    return from_application(ctx, app_id);
  return from_transfer(ctx, field_str(ctx.fields, "transferred_from"));
}

Status on_step_member(const std::string& t, kinds::StepContext& ctx) {
  std::string note;
  if (t == "lapse") {
    if (Status s = only_params(t, ctx.params, kLapseParams); !s) return s;
    note = field_str(ctx.params, "lapse_reason");
  } else if (t == "renew") {
    if (Status s = only_params(t, ctx.params, kRenewParams); !s) return s;
    note = field_str(ctx.params, "valid_until");
  } else if (t == "transfer_out") {
    if (Status s = only_params(t, ctx.params, kTransferParams); !s) return s;
    if (!ctx.records) return records_unavailable();
    const std::string to = field_str(ctx.params, "transferred_to");
    if (to.empty()) return catalog_error("required", "transferred_to", Msg::ErrChooseTheUnitToTransferTo);
    const sync::Record* unit = ctx.records->get(kUnitKind, to);
    if (!unit || !unit_from_record(*unit))
      return catalog_error("unit_unknown", "transferred_to", Msg::ErrTheUnitToTransferToDoes);
    note = to;
  } else if (t == "cancel_transfer") {
    if (Status s = only_params(t, ctx.params, {}); !s) return s;
    if (!ctx.records) return records_unavailable();
    if (!ctx.records->find(kMemberKind, "transferred_from", ctx.before.id).empty())
      return catalog_error("transfer_received", "transition", Msg::ErrTheReceivingUnitHasAlreadyTaken);
    ctx.fields.erase("transferred_to");
    ctx.fields.erase("transfer_reason");
  }
  append_step(ctx.fields, t, ctx.actor, ctx.now_ms, note);
  return ok_status();
}

}  // namespace

kinds::KindSpec member_kind() {
  kinds::KindSpec spec;
  spec.name = kMemberKind;
  spec.validate = validate_member;
  spec.workflow = &member_workflow();
  spec.create_rights = kUnitStaff;
  spec.edit_rights = kUnitStaff;
  spec.step_only_fields = {"member_no", "created_by", "created_at", "steps", "card"};
  spec.on_step = on_step_member;
  spec.on_create = on_create_member;
  return spec;
}

}  // namespace nx::membership
