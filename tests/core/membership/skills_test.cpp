#include "core/membership/skills.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "world.h"

using namespace nx;
using namespace nx::membership;
using namespace nx::test_membership;

namespace {

const char* kSkill = "skill_record";

bool has_error(const Errors& errors, const std::string& field, const std::string& code) {
  return std::any_of(errors.begin(), errors.end(), [&](const Error& e) { return e.field == field && e.code == code; });
}

// The worker as an active member rid(1) of C1.
void member(World& w) {
  REQUIRE(applied(w.create(w.worker, "membership_application", rid(100), with(person(), {{"owner_id", kWorker}, {"unit_id", kC1}}))));
  REQUIRE(applied(w.step(w.worker, "membership_application", rid(100), "submit", {{"consent", true}})));
  REQUIRE(applied(w.step(w.staff_c1, "membership_application", rid(100), "approve")));
  REQUIRE(applied(w.create(w.staff_c1, "member", rid(1), member_from(rid(100)))));
}

json skill(const std::string& level, const std::string& on, const std::string& name = "网约配送员") {
  return {{"member_id", rid(1)}, {"unit_id", kC1}, {"skill", name}, {"trade", "delivery"},
          {"level", level},      {"certified_on", on}, {"issuer", "泰州市人社局"}};
}

}  // namespace

TEST_SUITE("membership") {

TEST_CASE("skill levels: the eight rungs in order") {
  CHECK(kSkillLevelNames.size() == 8);
  for (std::size_t i = 0; i < kSkillLevelNames.size(); ++i) {
    auto l = parse_skill_level(kSkillLevelNames[i]);
    REQUIRE(l);
    CHECK(skill_level_name(*l) == kSkillLevelNames[i]);
    if (i + 1 < kSkillLevelNames.size()) {
      auto next = next_level(*l);
      REQUIRE(next);
      CHECK(skill_level_name(*next) == kSkillLevelNames[i + 1]);
      CHECK(compare_levels(*l, *next) < 0);
      CHECK(compare_levels(*next, *l) > 0);
    }
    CHECK(compare_levels(*l, *l) == 0);
  }
  CHECK_FALSE(next_level(SkillLevel::ChiefTechnician));
  CHECK(message_text(skill_level_label(SkillLevel::Apprentice), Locale::ZhCN) == "学徒工");
  CHECK(message_text(skill_level_label(SkillLevel::Technician), Locale::ZhCN) == "技师");
  CHECK(message_text(skill_level_label(SkillLevel::PrincipalTechnician), Locale::ZhCN) == "特级技师");
  CHECK(message_text(skill_level_label(SkillLevel::ChiefTechnician), Locale::ZhCN) == "首席技师");
  CHECK(message_text(skill_level_label(SkillLevel::SeniorTechnician), Locale::En) == "senior technician");
  CHECK_FALSE(parse_skill_level("master"));
}

TEST_CASE("skill_record: untrusted JSON gives field errors") {
  const Errors missing = decode_skill_record(json::object()).errors;
  for (const char* f : {"member_id", "unit_id", "skill", "level", "certified_on", "issuer"}) {
    INFO(f);
    CHECK(has_error(missing, f, "required"));
  }
  REQUIRE(decode_skill_record(skill("junior", "2025-01-01")).ok());
  CHECK(has_error(decode_skill_record(with(skill("junior", "2025-01-01"), {{"level", "master"}})).errors, "level", "enum_invalid"));
  CHECK(has_error(decode_skill_record(with(skill("junior", "2025-01-01"), {{"level", 3}})).errors, "level", "type_invalid"));
  CHECK(has_error(decode_skill_record(skill("junior", "2025-13-01")).errors, "certified_on", "date_invalid"));
  CHECK(has_error(decode_skill_record(skill("junior", "2025-01-01", std::string(41, 'x'))).errors, "skill", "too_long"));
  CHECK(has_error(decode_skill_record(with(skill("junior", "2025-01-01"), {{"trade", "pilot"}})).errors, "trade", "enum_invalid"));
  CHECK(has_error(decode_skill_record(with(skill("junior", "2025-01-01"), {{"score", 99}})).errors, "score", "field_unknown"));
}

TEST_CASE("skill_record: staff of the member's unit record certificates; the owner follows the member") {
  World w;
  member(w);
  CHECK(code_of(w.create(w.worker, kSkill, rid(10), with(skill("senior", "2025-01-01"), {{"owner_id", kWorker}}))) == "forbidden");
  CHECK(code_of(w.create(w.staff_t2, kSkill, rid(10), skill("senior", "2025-01-01"))) == "forbidden");
  CHECK(code_of(w.create(w.staff_t1, kSkill, rid(10), with(skill("senior", "2025-01-01"), {{"unit_id", kT1}}))) == "member_unit_mismatch");
  CHECK(code_of(w.create(w.staff_c1, kSkill, rid(10), with(skill("senior", "2025-01-01"), {{"member_id", rid(999)}}))) == "member_unknown");
  CHECK(code_of(w.create(w.staff_c1, kSkill, rid(10), skill("senior", "2026-07-02"))) == "date_in_future");
  REQUIRE(applied(w.create(w.staff_t1, kSkill, rid(10), skill("senior", "2026-07-01"))));
  CHECK(w.get(kSkill, rid(10)).str("owner_id") == kWorker);
  CHECK(applied(w.create(w.staff_d, kSkill, rid(11), skill("junior", "2024-01-01"))));
  CHECK(applied(w.create(w.admin, kSkill, rid(12), skill("apprentice", "2023-01-01"))));
  CHECK(applied(w.edit(w.staff_c1, kSkill, rid(12), {{"certificate_no", "TZ-2023-001"}})));
  CHECK(code_of(w.edit(w.worker, kSkill, rid(12), {{"certificate_no", "x"}})) == "forbidden");
}

TEST_CASE("skill_record: the ladder is climbed in order") {
  World w;
  member(w);
  REQUIRE(applied(w.create(w.staff_c1, kSkill, rid(10), skill("intermediate", "2024-06-01"))));
  // The same level twice.
  auto twice = w.create(w.staff_c1, kSkill, rid(11), skill("intermediate", "2025-01-01"));
  CHECK(code_of(twice) == "skill_level_recorded");
  CHECK(twice.reason->field == "level");
  CHECK(twice.reason->message_zh.find("中级工") != std::string::npos);
  // A higher level dated before the lower one; a lower one dated after.
  CHECK(code_of(w.create(w.staff_c1, kSkill, rid(11), skill("senior", "2024-05-31"))) == "skill_level_order");
  CHECK(code_of(w.create(w.staff_c1, kSkill, rid(11), skill("junior", "2024-06-02"))) == "skill_level_order");
  // A lower certificate entered late but dated earlier fits; so does the same day.
  CHECK(applied(w.create(w.staff_c1, kSkill, rid(11), skill("junior", "2023-03-01"))));
  CHECK(applied(w.create(w.staff_c1, kSkill, rid(12), skill("senior", "2024-06-01"))));
  // Another skill is its own ladder, whatever the spacing or width of its name.
  CHECK(applied(w.create(w.staff_c1, kSkill, rid(13), skill("intermediate", "2020-01-01", "叉车司机"))));
  CHECK(code_of(w.create(w.staff_c1, kSkill, rid(14), skill("intermediate", "2021-01-01", " 网约 配送员 "))) == "skill_level_recorded");

  CHECK(highest_level(rid(1), "网约配送员", w.records) == SkillLevel::Senior);
  CHECK(highest_level(rid(1), "叉车司机", w.records) == SkillLevel::Intermediate);
  CHECK_FALSE(highest_level(rid(1), "电工", w.records));
  CHECK_FALSE(highest_level(rid(999), "网约配送员", w.records));
}

}
