#include "core/events/timeline.h"

#include "core/civil_time.h"
#include "core/events/campaign.h"
#include "core/events/event.h"
#include "core/events/handout.h"
#include "core/events/registration.h"

namespace nx::events {

namespace {

void add(std::vector<membership::TimelineEntry>& out, const sync::Record& r, const std::string& at, const char* step,
         std::string zh, std::string en, int order) {
  const auto ms = civil::parse_datetime_ms(at);
  if (!ms) return;  // an entry without a moment cannot be placed on a timeline
  out.push_back(membership::TimelineEntry{at, *ms, r.kind, r.id, r.kind + "." + step, std::move(zh), std::move(en), order});
}

void registration_entries(const sync::Record& r, const sync::RecordSource& records, std::vector<membership::TimelineEntry>& out) {
  const sync::Record* event = records.get(kEventKind, r.str("event_id"));
  const std::string title = event && !event->deleted ? event->str("title") : std::string("活动");
  const std::string status = r.str("status");
  add(out, r, r.str("created_at"), "create",
      (status == "waitlisted" ? "候补报名：" : "报名：") + title, "Signed up: " + title, 0);
  add(out, r, r.str("promoted_at"), "promote", "候补转为报名成功：" + title, "Got a place: " + title, 1);
  add(out, r, r.str("checked_in_at"), "check_in", "签到：" + title, "Checked in: " + title, 2);
}

void handout_entries(const sync::Record& r, const sync::RecordSource& records, std::vector<membership::TimelineEntry>& out) {
  if (r.str("status") != "given") return;
  const sync::Record* campaign = records.get(kCampaignKind, r.str("campaign_id"));
  const std::string name = campaign && !campaign->deleted ? campaign->str("name") : std::string("慰问品");
  const std::string place = r.str("place");
  add(out, r, r.str("given_at"), "give", "领取 " + name + "（" + place + "）", "Received " + name + " at " + place, 0);
}

}  // namespace

std::vector<membership::TimelineSource> event_timeline_sources() {
  return {{kRegistrationKind, registration_entries}, {kHandoutKind, handout_entries}};
}

}  // namespace nx::events
