#include "core/membership/skills.h"

#include "core/civil_time.h"
#include "core/membership/member.h"
#include "core/membership/normalize.h"
#include "core/text.h"

namespace nx::membership {

using nlohmann::json;

namespace {

struct LevelLabel {
  std::string_view zh, en;
};
constexpr std::array<LevelLabel, 8> kLevelLabels = {{
    {"学徒工", "apprentice"},
    {"初级工", "junior worker"},
    {"中级工", "intermediate worker"},
    {"高级工", "senior worker"},
    {"技师", "technician"},
    {"高级技师", "senior technician"},
    {"特级技师", "principal technician"},
    {"首席技师", "chief technician"},
}};

constexpr std::array<std::string_view, 10> kSkillFields = {
    "member_id", "owner_id", "unit_id", "skill", "trade", "level", "certified_on", "issuer", "certificate_no", "note"};

Status on_create_skill(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  auto decoded = decode_skill_record(ctx.fields);
  if (!decoded.ok()) return decoded.errors.front();
  const SkillRecord& s = decoded.value;
  const sync::Record* member = ctx.records->get(kMemberKind, s.member_id);
  if (!member || member->deleted) return make_error("member_unknown", "member_id", "找不到这位会员", "No such member");
  if (member->str("unit_id") != s.unit_id)
    return make_error("member_unit_mismatch", "unit_id", "技能记录应记在会员所在的工会", "A skill record belongs to the member's own unit");
  const civil::Date today = civil::to_china_local(ctx.now_ms).date;
  if (s.certified_on > civil::format_date(today))
    return make_error("date_in_future", "certified_on", "发证日期不能晚于今天", "The certification date cannot be in the future");
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

std::string_view skill_level_label(SkillLevel l, Locale locale) {
  const LevelLabel& label = kLevelLabels[static_cast<std::size_t>(l)];
  return locale == Locale::En ? label.en : label.zh;
}

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
  else if (!r.has("level")) r.add(make_error("required", "level", "请选择技能等级", "Choose the skill level"));
  if (auto d = r.date("certified_on")) s.certified_on = *d;
  else if (!r.has("certified_on")) r.add(make_error("required", "certified_on", "请填写发证日期", "Enter the certification date"));
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
    const std::string level_zh(skill_level_label(o.level, Locale::ZhCN)), level_en(skill_level_label(o.level, Locale::En));
    const int order = compare_levels(rec.level, o.level);
    if (order == 0)
      return make_error("skill_level_recorded", "level", "这项技能的" + level_zh + "已经记录过了（" + o.certified_on + "）",
                        "This skill already has a " + level_en + " record (" + o.certified_on + ")");
    if (order > 0 && rec.certified_on < o.certified_on)
      return make_error("skill_level_order", "certified_on",
                        "更高的等级不能早于" + level_zh + "的发证日期（" + o.certified_on + "）",
                        "A higher level cannot be certified before the " + level_en + " (" + o.certified_on + ")");
    if (order < 0 && rec.certified_on > o.certified_on)
      return make_error("skill_level_order", "certified_on",
                        "较低的等级不能晚于" + level_zh + "的发证日期（" + o.certified_on + "）",
                        "A lower level cannot be certified after the " + level_en + " (" + o.certified_on + ")");
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
