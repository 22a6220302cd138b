// Runs the parts of the demo district in order (each part reads what the earlier ones made),
// names the demo's logins, and counts what was made.
#include "core/demo/demo.h"

#include "core/demo/names.h"
#include "core/demo/world.h"
#include "core/kinds/registry.h"

namespace nx::demo {

DemoOptions scale_options(std::uint64_t seed, int members, int requests) {
  DemoOptions o;
  o.seed = seed;
  o.members = members;
  o.requests = requests;
  return o;
}

void make_logins(World& w) {
  const auto staff_login = [&](const char* username, const std::string& key, const char* note) {
    const DemoUnit& u = w.unit(key);
    w.out.staff.push_back(StaffLogin{username, u.staff_name, "staff", u.id, u.staff.user_id, note});
  };
  w.out.staff.push_back(StaffLogin{"demo-admin", person_name(w.dice), "admin", "", w.admin.user_id, "系统管理员：建区总工会、管全部"});
  staff_login("demo-district", "district", "区总工会干部：审批入会、配单、送清凉送温暖、主席大走访");
  staff_login("demo-chengnan", "town:chengnan", "城南街道总工会：南苑社区爱心驿站、安全宣讲、体检车");
  staff_login("demo-meituan", "company:meituan", "美团海陵配送站工会主席：本站骑手的入会与服务");
  for (std::size_t i = 0; i < w.workers.size() && i < 5; ++i) {
    const DemoWorker& wk = w.workers[i];
    const DemoUnit* u = w.unit_by_id(wk.unit_id);
    std::string note = (wk.member_id.empty() ? "入会申请（" + wk.application_status + "）" : std::string("会员")) + " · " +
                       (u ? u->name : std::string());
    w.out.workers.push_back(WorkerLogin{wk.phone, wk.name, wk.user_id, note});
  }
}

Result<DemoDistrict> generate_demo_district(const DemoOptions& options) {
  World w(options);
  for (void (*part)(World&) : {make_district, make_stations, make_providers, make_workers, make_requests, make_events,
                               make_campaign, make_insurance_and_health, make_fieldwork, make_skills_and_volunteers,
                               make_logins, make_content}) {
    part(w);
    if (w.failed()) return *w.error();
  }
  return std::move(w.out);
}

DemoSummary summarize(const sync::RecordSource& records) {
  DemoSummary s;
  for (const std::string& kind : kinds::registry().kinds()) {
    const auto all = records.all(kind);
    if (all.empty()) continue;
    s[kind] = static_cast<std::int64_t>(all.size());
    for (const sync::Record* r : all)
      if (const std::string status = r->str("status"); !status.empty()) ++s[kind + "." + status];
  }
  return s;
}

std::string summary_text(const DemoSummary& summary) {
  std::string out;
  for (const auto& entry : summary) {
    if (entry.first.find('.') != std::string::npos) continue;
    out += entry.first + " " + std::to_string(entry.second);
    std::string states;
    for (auto it = summary.lower_bound(entry.first + "."); it != summary.end() && it->first.rfind(entry.first + ".", 0) == 0; ++it)
      states += (states.empty() ? "" : ", ") + it->first.substr(entry.first.size() + 1) + " " + std::to_string(it->second);
    out += states.empty() ? "\n" : " (" + states + ")\n";
  }
  return out;
}

}  // namespace nx::demo
