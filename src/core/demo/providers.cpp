// The providers who take on requests (社会组织"配单"): the district's 律师顾问团 of panel lawyers,
// and social organisations for health checks, insurance and training. District staff keep them.
#include <array>
#include <string_view>
#include <vector>

#include "core/demo/names.h"
#include "core/demo/world.h"

namespace nx::demo {

namespace {

struct ProviderSpec {
  std::string_view firm, type, office_hours;
  std::vector<std::string_view> services;
  std::string_view notes;
};

const std::array<ProviderSpec, 9>& specs() {
  static const std::array<ProviderSpec, 9> s = {{
      {"江苏凤城律师事务所", "lawyer", "工作日 9:00-17:00", {"legal_consultation", "legal_aid"}, "擅长工伤认定与赔偿"},
      {"江苏海陵律师事务所", "lawyer", "工作日 8:30-17:30", {"legal_consultation", "legal_aid"}, "劳动关系确认案件经验多"},
      {"泰州天泰律师事务所", "lawyer", "周一至周六 9:00-18:00", {"legal_consultation", "legal_aid"}, "欠薪追讨"},
      {"江苏稻河律师事务所", "lawyer", "工作日 9:00-17:00", {"legal_consultation"}, "交通事故责任"},
      {"泰州鼓楼律师事务所", "lawyer", "工作日 14:00-17:00 驻法律咨询窗口", {"legal_consultation", "legal_aid"}, ""},
      {"江苏凤凰台律师事务所", "lawyer", "每周三、周五 9:00-12:00", {"legal_consultation"}, "网约车平台用工"},
      {"海陵区新业态劳动者服务中心", "social_org", "每天 8:00-20:00", {"training", "other", "insurance"},
       "求学圆梦、培训教育补贴"},
      {"泰州市暖新社会工作服务社", "social_org", "工作日 9:00-17:00", {"health", "other"}, "流动体检车、心理疏导"},
      {"泰州康宁健康管理有限公司", "company", "工作日 8:00-16:00", {"health", "insurance"}, "健康体检合作机构"},
  }};
  return s;
}

}  // namespace

void make_providers(World& w) {
  const DemoUnit& district = w.unit("district");
  for (const ProviderSpec& s : specs()) {
    DemoProvider p;
    p.id = w.dice.uuid();
    p.type = s.type;
    p.name = s.type == "lawyer" ? std::string(s.firm) + " " + person_name(w.dice) + "律师" : std::string(s.firm);
    for (std::string_view sv : s.services) p.services.emplace_back(sv);
    json f = {{"name", p.name},
              {"type", p.type},
              {"services", p.services},
              {"office_hours", s.office_hours},
              {"phone", landline(w.dice)},
              {"unit_id", district.id},
              {"active", true}};
    if (s.type == "lawyer") f["mobile"] = unique_mobile(w.dice, w.phones);
    if (!s.notes.empty()) f["notes"] = s.notes;
    if (!w.create(district.staff, "provider", p.id, f, w.at_day(-100, 10))) return;
    p.actor = Actor{w.dice.uuid(), Role::Worker, "", p.id};
    w.providers.push_back(std::move(p));
  }
}

}  // namespace nx::demo
