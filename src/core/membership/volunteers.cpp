#include "core/membership/volunteers.h"

#include "core/membership/member.h"
#include "core/membership/steps.h"
#include "core/text.h"

namespace nx::membership {

using nlohmann::json;

namespace {

constexpr std::array<Msg, 6> kFocusLabels = {
    Msg::FocusPolicyOutreach,
    Msg::FocusCleanCity,
    Msg::FocusHelpInNeed,
    Msg::FocusCaringFleet,
    Msg::FocusLivestreamsForFarmers,
    Msg::FocusSafetyPatrol,
};

constexpr std::array<std::string_view, 4> kTeamFields = {"name", "focus", "unit_id", "description"};
constexpr std::array<std::string_view, 7> kMembershipFields = {"team_id", "owner_id", "unit_id", "status",
                                                               "created_by", "created_at", "steps"};

Errors validate_team(const json& f) { return decode_volunteer_team(f).errors; }
Errors validate_membership(const json& f) { return decode_volunteer_membership(f).errors; }

Error not_a_member() {
  return catalog_error("member_required", "owner_id", Msg::ErrOnlyUnionMembersCanJoinA);
}

bool is_active_member(const std::string& owner, const sync::RecordSource& records) {
  for (const sync::Record* m : records.find(kMemberKind, "owner_id", owner))
    if (m->str("status") == "active") return true;
  return false;
}

Status on_create_membership(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  const std::string team_id = field_str(ctx.fields, "team_id");
  const sync::Record* team = ctx.records->get(kVolunteerTeamKind, team_id);
  if (!team || team->deleted) return catalog_error("team_unknown", "team_id", Msg::ErrNoSuchVolunteerTeam);
  const std::string team_unit = team->str("unit_id");
  const std::string unit = field_str(ctx.fields, "unit_id");
  if (!unit.empty() && unit != team_unit)
    return catalog_error("team_unit_mismatch", "unit_id", Msg::ErrATeamMembershipBelongsToThe);
  ctx.fields["unit_id"] = team_unit;
  const std::string owner = field_str(ctx.fields, "owner_id");
  if (!is_active_member(owner, *ctx.records)) return not_a_member();
  for (const sync::Record* other : ctx.records->find(kVolunteerMembershipKind, "owner_id", owner))
    if (other->id != ctx.before.id && other->str("team_id") == team_id)
      return catalog_error("team_joined", "team_id", other->str("status") == "joined" ? Msg::ErrAlreadyInTeam : Msg::ErrWasInTeamRejoin);
  ctx.fields["created_by"] = ctx.actor.user_id;
  ctx.fields["created_at"] = iso_moment(ctx.now_ms);
  append_step(ctx.fields, "join", ctx.actor, ctx.now_ms, team->str("name"));
  return ok_status();
}

Status on_step_membership(const std::string& t, kinds::StepContext& ctx) {
  if (Status s = only_params(t, ctx.params, {}); !s) return s;
  if (t == "rejoin") {
    if (!ctx.records) return records_unavailable();
    if (!is_active_member(ctx.before.str("owner_id"), *ctx.records)) return not_a_member();
  }
  append_step(ctx.fields, t, ctx.actor, ctx.now_ms);
  return ok_status();
}

}  // namespace

std::string_view volunteer_focus_name(VolunteerFocus f) { return kVolunteerFocusNames[static_cast<std::size_t>(f)]; }

std::optional<VolunteerFocus> parse_volunteer_focus(std::string_view name) {
  for (std::size_t i = 0; i < kVolunteerFocusNames.size(); ++i)
    if (kVolunteerFocusNames[i] == name) return static_cast<VolunteerFocus>(i);
  return std::nullopt;
}

Msg volunteer_focus_label(VolunteerFocus f) { return kFocusLabels[static_cast<std::size_t>(f)]; }

Decoded<VolunteerTeam> decode_volunteer_team(const json& fields) {
  Decoded<VolunteerTeam> out;
  json_in::Reader r(fields, "volunteer_team");
  out.value.name = text::trim(r.required_str("name", 40));
  if (auto f = r.one_of("focus", kVolunteerFocusNames)) out.value.focus = *parse_volunteer_focus(*f);
  else if (!r.has("focus")) r.add(catalog_error("required", "focus", Msg::ErrChooseWhatTheTeamDoes));
  out.value.unit_id = required_id(r, "unit_id");
  out.value.description = optional_text(r, "description", 500);
  refuse_unknown_fields(r, fields, kTeamFields);
  out.errors = r.take_errors();
  return out;
}

Decoded<VolunteerMembership> decode_volunteer_membership(const json& fields) {
  Decoded<VolunteerMembership> out;
  json_in::Reader r(fields, "volunteer_membership");
  out.value.team_id = required_id(r, "team_id");
  out.value.owner_id = required_id(r, "owner_id");
  out.value.unit_id = optional_id(r, "unit_id");
  if (auto s = r.one_of("status", kVolunteerStates)) out.value.status = *s;
  else r.require("status");
  r.str("created_by", 64);
  r.datetime("created_at");
  if (auto e = check_steps_field(fields)) r.add(*e);
  refuse_unknown_fields(r, fields, kMembershipFields);
  out.errors = r.take_errors();
  return out;
}

const Workflow& volunteer_membership_workflow() {
  static const Workflow wf{
      kVolunteerMembershipKind,
      "joined",
      {kVolunteerStates.begin(), kVolunteerStates.end()},
      {
          {"leave", {"joined"}, "left", kOwner | kUnitStaff},
          {"rejoin", {"left"}, "joined", kOwner | kUnitStaff},
      }};
  return wf;
}

kinds::KindSpec volunteer_team_kind() {
  kinds::KindSpec spec;
  spec.name = kVolunteerTeamKind;
  spec.validate = validate_team;
  spec.create_rights = kUnitStaff;
  spec.edit_rights = kUnitStaff;
  spec.is_public = true;
  return spec;
}

kinds::KindSpec volunteer_membership_kind() {
  kinds::KindSpec spec;
  spec.name = kVolunteerMembershipKind;
  spec.validate = validate_membership;
  spec.workflow = &volunteer_membership_workflow();
  spec.create_rights = kOwner | kUnitStaff;
  // Nothing to edit by hand: joining and leaving are the steps; staff may correct the record.
  spec.edit_rights = kUnitStaff;
  spec.step_only_fields = {"created_by", "created_at", "steps"};
  spec.on_step = on_step_membership;
  spec.on_create = on_create_membership;
  return spec;
}

}  // namespace nx::membership
