#pragma once
// 活动管理 for staff: a new event (a handout day, a talk, a training) with its sessions and
// seats, published at once so workers can sign up — written offline and synced later.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/local_store.h"

namespace nx::app {

// A form with one session a week from today, 09:00-11:00, 30 seats.
EventForm new_event_form(std::int64_t now_ms);

struct EventPlan {
  std::vector<Change> changes;  // the event, its sessions, then publish; none when errors is not empty
  FieldErrors errors;
};
EventPlan plan_event(const EventForm& form, const std::string& unit_id,
                     const std::function<std::string()>& new_id);

}  // namespace nx::app
