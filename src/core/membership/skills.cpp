#include "core/membership/skills.h"

#include "core/civil_time.h"
#include "core/membership/member.h"
#include "core/membership/normalize.h"
#include "core/text.h"

namespace nx::membership {

using nlohmann::json;

namespace {

constexpr std::array<Msg, 8> kLevelLabels = {
    Msg::SkillApprentice,
    Msg::SkillJunior,
    Msg::SkillIntermediate,
    Msg::SkillSenior,
    Msg::SkillTechnician,
    Msg::SkillSeniorTechnician,
    Msg::SkillPrincipalTechnician,
    Msg::SkillChiefTechnician,
};

constexpr std::array<std::string_view, 10> kSkillFields = {
    "member_id", "owner_id", "unit_id", "skill", "trade", "level", "certified_on", "issuer", "certificate_no", "note"};

Status on_create_skill(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  auto decoded = decode_skill_record(ctx.fields);
  if (!decoded.ok()) return decoded.errors.front();
  const SkillRecord& s = decoded.value;
  const sync::Record* member = ctx.records->get(kMemberKind, s.member_id);
  if (!member || member->deleted) return catalog_error("member_unknown", "member_id", Msg::ErrNoSuchMember);
  if (member->str("unit_id") != s.unit_id)
    return catalog_error("member_unit_mismatch", "unit_id", Msg::ErrASkillRecordBelongsToThe);
  const civil::Date today = civil::to_china_local(ctx.now_ms).date;
  if (s.certified_on > civil::format_date(today))
    return catalog_error("date_in_future", "certified_on", Msg::ErrTheCertificationDateCannotBeIn);
  if (Status order = check_skill_order(ctx.before.id, s, *ctx.records); !order) return order;
  // Whose it is follows the member: the worker sees their own skills.
  if (const std::string owner = member->str("owner_id"); !owner.empty()) ctx.fields["owner_id"] = owner;
  else ctx.fields.erase("owner_id");
  return ok_status();
}

}  // namespace

std::string_view skill_level_name(SkillLevel l) { return kSkillLevelNames[static_cast<std::size_t>(l)]; }

std::optional<SkillLevel> parse_skill_level(std::string_view name) {
  for (std::size_t i = 0; i < kSkillLevelNames.size(); ++i)
    if (kSkillLevelNames[i] == name) return static_cast<SkillLevel>(i);
  return std::nullopt;
}

Msg skill_level_label(SkillLevel l) { return kLevelLabels[static_cast<std::size_t>(l)]; }

int compare_levels(SkillLevel a, SkillLevel b) { return static_cast<int>(a) - static_cast<int>(b); }

std::optional<SkillLevel> next_level(SkillLevel l) {
  if (l == SkillLevel::ChiefTechnician) return std::nullopt;
  return static_cast<SkillLevel>(static_cast<int>(l) + 1);
}

Decoded<SkillRecord> decode_skill_record(const json& fields) {
  Decoded<SkillRecord> out;
  SkillRecord& s = out.value;
  json_in::Reader r(fields, "skill_record");
  s.member_id = required_id(r, "member_id");
  s.owner_id = optional_id(r, "owner_id");
  s.unit_id = required_id(r, "unit_id");
  s.skill = text::trim(r.required_str("skill", 40));
  if (r.has("trade")) {
    if (auto t = r.one_of("trade", kTradeNames)) s.trade = parse_trade(*t);
  }
  if (auto l = r.one_of("level", kSkillLevelNames)) s.level = *parse_skill_level(*l);
  else if (!r.has("level")) r.add(catalog_error("required", "level", Msg::ErrChooseTheSkillLevel));
  if (auto d = r.date("certified_on")) s.certified_on = *d;
  else if (!r.has("certified_on")) r.add(catalog_error("required", "certified_on", Msg::ErrEnterTheCertificationDate));
  s.issuer = text::trim(r.required_str("issuer", 60));
  s.certificate_no = r.str("certificate_no", 40).value_or("");
  optional_text(r, "note", 200);
  refuse_unknown_fields(r, fields, kSkillFields);
  out.errors = r.take_errors();
  return out;
}

Errors validate_skill_record(const json& fields) { return decode_skill_record(fields).errors; }

std::optional<SkillLevel> highest_level(const std::string& member_id, std::string_view skill, const sync::RecordSource& records) {
  const std::string key = fold_text(skill);
  std::optional<SkillLevel> best;
  for (const sync::Record* r : records.find(kSkillRecordKind, "member_id", member_id)) {
    auto s = decode_skill_record(r->fields);
    if (!s.ok() || fold_text(s.value.skill) != key) continue;
    if (!best || compare_levels(s.value.level, *best) > 0) best = s.value.level;
  }
  return best;
}

Status check_skill_order(const std::string& id, const SkillRecord& rec, const sync::RecordSource& records) {
  const std::string key = fold_text(rec.skill);
  for (const sync::Record* r : records.find(kSkillRecordKind, "member_id", rec.member_id)) {
    if (r->id == id) continue;
    auto other = decode_skill_record(r->fields);
    if (!other.ok() || fold_text(other.value.skill) != key) continue;
    const SkillRecord& o = other.value;
    const Msg level = skill_level_label(o.level);
    const int order = compare_levels(rec.level, o.level);
    if (order == 0)
      return catalog_error("skill_level_recorded", "level", Msg::ErrSkillLevelRecorded, {level, o.certified_on});
    if (order > 0 && rec.certified_on < o.certified_on)
      return catalog_error("skill_level_order", "certified_on", Msg::ErrHigherLevelBefore, {level, o.certified_on});
    if (order < 0 && rec.certified_on > o.certified_on)
      return catalog_error("skill_level_order", "certified_on", Msg::ErrLowerLevelAfter, {level, o.certified_on});
  }
  return ok_status();
}

kinds::KindSpec skill_record_kind() {
  kinds::KindSpec spec;
  spec.name = kSkillRecordKind;
  spec.validate = validate_skill_record;
  spec.create_rights = kUnitStaff;
  spec.edit_rights = kUnitStaff;
  spec.on_create = on_create_skill;
  spec.on_edit = on_create_skill;  // a corrected level or date must keep the ladder in order
  return spec;
}

}  // namespace nx::membership
