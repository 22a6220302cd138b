// 我的技能: the member's skill records on the eight-level ladder (新八级工, 学徒工 … 首席技师),
// as staff recorded them from certificates: the rung reached per skill, and each certificate.
#include <algorithm>
#include <map>

#include "app/phone.h"
#include "core/membership/skills.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

// Eight rungs in a row, those reached in the union's red, the top one reached named below.
void ladder(membership::SkillLevel top) {
  const float width = ImGui::CalcItemWidth();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int reached = static_cast<int>(top);
  const float gap = 4, rung = (width - 7 * gap) / 8;
  for (int i = 0; i < 8; ++i) {
    const ImVec2 a(min.x + i * (rung + gap), min.y + 14 - i * 1.5f), b(a.x + rung, min.y + 26);
    dl->AddRectFilled(a, b, i <= reached ? theme::kAccent : theme::kBorder, 3);
  }
  ImGui::Dummy(ImVec2(width, 30));
}

}  // namespace

void draw_skills(app::AppState& state) {
  if (!state.services || state.user_role != "worker") return;
  const sync::RecordSource* records = state.services->records();
  if (!records) return;
  std::map<std::string, std::vector<membership::SkillRecord>> by_skill;
  for (const sync::Record* r : records->find(membership::kSkillRecordKind, "owner_id", state.user_id)) {
    if (r->deleted) continue;
    auto decoded = membership::decode_skill_record(r->fields);
    if (decoded.ok()) by_skill[decoded.value.skill].push_back(std::move(decoded.value));
  }
  if (by_skill.empty()) return;
  card_begin("skills");
  heading(tr(S::SkillsTitle));
  for (auto& [skill, list] : by_skill) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return membership::compare_levels(a.level, b.level) > 0; });
    ImGui::PushID(skill.c_str());
    paragraph(skill, theme::kText, fonts::faces().body_bold);
    ladder(list.front().level);
    paragraph(tr(S::SkillsReached, tr(membership::skill_level_label(list.front().level))), theme::kAccent);
    for (const membership::SkillRecord& s : list) {
      std::string line = std::string(tr(membership::skill_level_label(s.level))) + " · " + s.certified_on;
      if (!s.issuer.empty()) line += " · " + s.issuer;
      if (!s.certificate_no.empty()) line += " · " + std::string(tr(S::SkillsCertificate)) + s.certificate_no;
      paragraph(line, theme::kTextMuted);
    }
    ImGui::PopID();
  }
  card_end();
}

}  // namespace nx::ui
