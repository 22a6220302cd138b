#pragma once
// Events 活动 (夏送清凉, 冬送温暖, 8+X 服务集市, 子女暑期研学, trainings, talks, competitions):
// the "event" kind, its typed view and its small workflow, run by staff of the event's unit.
// An event's sittings are separate "event_session" records (events/session.h says why).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/events/rule_support.h"
#include "core/kinds/registry.h"
#include "core/sync/record.h"
#include "core/workflow.h"

namespace nx::events {

inline constexpr const char* kEventKind = "event";

inline constexpr std::array<std::string_view, 8> kEventCategories = {
    "summer_cooling",      // 夏送清凉
    "winter_warmth",       // 冬送温暖
    "service_fair",        // 8+X 综合服务集市
    "study_trip",          // 子女暑期研学
    "training",            // 培训
    "talk",                // 宣讲
    "skills_competition",  // 技能竞赛
    "other"};
// What a talk (宣讲) is about: safety, first aid, work-injury prevention, labour law.
inline constexpr std::array<std::string_view, 5> kTalkTopics = {"safety", "first_aid", "injury_prevention", "law", "other"};
inline constexpr std::array<std::string_view, 4> kEventStates = {"draft", "published", "cancelled", "finished"};

struct Event {
  std::string title;
  std::string category;
  std::string topic;        // optional
  std::string description;  // optional
  std::string unit_id;      // the union unit that runs it
  std::string place;        // optional; a session may name its own
  std::string signup_opens_at;   // optional ISO moment; empty: open once published
  std::string signup_closes_at;  // optional ISO moment; empty: open until a session ends
  std::string status;
  std::string cancel_reason;
};

Decoded<Event> decode_event(const nlohmann::json& fields);
nlohmann::json to_fields(const Event& e);

// draft --publish--> published --finish--> finished; draft|published --cancel--> cancelled.
// Every step: staff of the event's unit (or above) and admins. Publishing needs an open session.
const Workflow& event_workflow();
kinds::KindSpec event_kind();

// Why a worker cannot sign up for `event` at `now_ms` (not published, window not open yet,
// closed), or nullopt when they can.
std::optional<Error> signup_refusal(const sync::Record& event, std::int64_t now_ms);

}  // namespace nx::events
