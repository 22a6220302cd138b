#pragma once
// 核验 for staff at a handout table or an event's door: find a member by number (typed, or
// read from a scanned card), say plainly whether they are in good standing, check them in to
// today's session and record a campaign's handout. A second claim is refused with the first one's time and place; when two
// devices served the same member offline, the server refuses the later one after sync and it
// waits under 需要你处理 on that device.
#include <cstdint>
#include <string>
#include <vector>

#include "app/local_store.h"
#include "core/access.h"
#include "core/sync/record_source.h"

namespace nx::app {

// The member record with this number ("nx-20260701-…" and spaces accepted), or null.
const sync::Record* find_member(const sync::RecordSource& records, const std::string& number);

// Campaigns running today that `staff_unit` may hand out for: the campaign's unit is theirs or
// above it (a district's 夏送清凉 is given at every station below), soonest ending first.
std::vector<const sync::Record*> running_campaigns(const sync::RecordSource& records, const UnitTree& units,
                                                   const std::string& staff_unit, std::int64_t now_ms);

// The member's live handout of the campaign already on this device, or null.
const sync::Record* first_claim(const sync::RecordSource& records, const std::string& campaign_id,
                                const std::string& member_id);

// Every item of the campaign, handed to `member` now at `place` by this device.
Change give_handout(const sync::Record& campaign, const sync::Record& member, const std::string& staff_unit,
                    const std::string& place, const std::string& device_id, std::int64_t now_ms, std::string id);

// The member's registrations still to check in for sessions held today (China time).
std::vector<const sync::Record*> todays_registrations(const sync::RecordSource& records, const std::string& member_id,
                                                      std::int64_t now_ms);
// 签到 now; the device's moment goes with it, so a late sync still counts the true time.
Change check_in(const sync::Record& registration, std::int64_t now_ms);

}  // namespace nx::app
