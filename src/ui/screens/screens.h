#pragma once
// The registry of screens: adding a tab touches this table and one new file, nothing else.
#include <span>

#include "app/app_state.h"
#include "core/sync/record_source.h"
#include "ui/strings.h"
#include "ui/widgets/icons.h"

namespace nx::ui {

struct ScreenSpec {
  app::Tab tab;
  S label;
  Icon icon;
  void (*draw)(app::AppState& state);
};

// The tabs of whoever is signed in: a worker's, or a staff member's.
std::span<const ScreenSpec> screens(const app::AppState& state);

void draw_home(app::AppState& state);
void draw_stations(app::AppState& state);
void draw_services(app::AppState& state);
void draw_events(app::AppState& state);
void draw_me(app::AppState& state);
// Staff screens: 待办 (inbox.cpp), 集中入会 (enrol.cpp), 走访 (visits.cpp), 核验 (check.cpp),
// 统计 (dashboard.cpp).
void draw_inbox(app::AppState& state);
void draw_enrol(app::AppState& state);
void draw_visits(app::AppState& state);
void draw_check(app::AppState& state);
void draw_station_admin(app::AppState& state);  // 驿站管理, a page of 我的 (station_admin.cpp)
void draw_event_admin(app::AppState& state);    // 活动管理, a page of 我的 (event_admin.cpp)
void draw_provider_admin(app::AppState& state); // 服务方管理, a page of 我的 (provider_admin.cpp)
void draw_dashboard(app::AppState& state);

// Parts of 我的: the membership card or application (membership.cpp), the application form (join.cpp).
void draw_membership(app::AppState& state);
void draw_join(app::AppState& state);
void draw_skills(app::AppState& state);  // skills.cpp

// A service request's thread with a reply box (request_thread.cpp), each reply signed as the
// core's rules say the signed-in person writes there (worker, provider or staff).
void request_thread(app::AppState& state, const sync::Record& request, const sync::RecordSource& records,
                    std::string& reply);

// 职工保险 under 服务 (insurance.cpp): the plans open to the worker, to enrol or leave.
void insurance_plans(app::AppState& state, const sync::RecordSource& records);

// Pages of 首页: 工会知识 and an article or the quiz (learn.cpp), 招聘求职 (jobs.cpp), and the
// latest announcements shown on 首页 itself.
void draw_learn(app::AppState& state);
void draw_article(app::AppState& state);
void draw_jobs(app::AppState& state);
void draw_announcements(app::AppState& state, const sync::RecordSource& records);

}  // namespace nx::ui
