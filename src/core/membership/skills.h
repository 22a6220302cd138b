#pragma once
// Skill records on the eight-level ladder (新八级工), kind "skill_record": a member's certified
// level in a skill, from apprentice up to chief technician. Staff of the member's unit record
// them (a certificate is checked, not self-declared).
//
// Ordering rule, per member and skill (names compared folded): each level is recorded once,
// and a higher level is never dated before a lower one — a certificate entered late still
// fits, a typo in a level or a date that breaks the ladder is refused.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/locale.h"
#include "core/membership/fields.h"
#include "core/membership/trades.h"
#include "core/sync/record_source.h"

namespace nx::membership {

inline constexpr const char* kSkillRecordKind = "skill_record";

enum class SkillLevel {
  Apprentice,           // 学徒工
  Junior,               // 初级工
  Intermediate,         // 中级工
  Senior,               // 高级工
  Technician,           // 技师
  SeniorTechnician,     // 高级技师
  PrincipalTechnician,  // 特级技师
  ChiefTechnician,      // 首席技师
};

inline constexpr std::array<std::string_view, 8> kSkillLevelNames = {
    "apprentice", "junior", "intermediate", "senior", "technician", "senior_technician", "principal_technician",
    "chief_technician"};

std::string_view skill_level_name(SkillLevel l);
std::optional<SkillLevel> parse_skill_level(std::string_view name);
Msg skill_level_label(SkillLevel l);
// Negative, zero or positive as `a` is below, equal to or above `b` on the ladder.
int compare_levels(SkillLevel a, SkillLevel b);
// The next rung, or nullopt at the top (首席技师).
std::optional<SkillLevel> next_level(SkillLevel l);

struct SkillRecord {
  std::string member_id, owner_id, unit_id;
  std::string skill;  // the skill or occupation as certified ("网约配送员")
  std::optional<Trade> trade;
  SkillLevel level = SkillLevel::Apprentice;
  std::string certified_on;  // YYYY-MM-DD
  std::string issuer;        // who certified it
  std::string certificate_no;
};

Decoded<SkillRecord> decode_skill_record(const nlohmann::json& fields);
Errors validate_skill_record(const nlohmann::json& fields);

// The highest level a member holds in `skill`, if any.
std::optional<SkillLevel> highest_level(const std::string& member_id, std::string_view skill, const sync::RecordSource& records);

// The ordering rule for a new record `id` with `r` against the member's other records.
Status check_skill_order(const std::string& id, const SkillRecord& r, const sync::RecordSource& records);

kinds::KindSpec skill_record_kind();

}  // namespace nx::membership
