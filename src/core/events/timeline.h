#pragma once
// This area's part of a member's timeline (membership/timeline.h): sign-ups, check-ins and
// cancellations of event registrations, and handouts received. Pass these sources, with
// membership_timeline_sources(), to membership::timeline().
#include <vector>

#include "core/membership/timeline.h"

namespace nx::events {

std::vector<membership::TimelineSource> event_timeline_sources();

}  // namespace nx::events
