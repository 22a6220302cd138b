#include "core/events/timeline.h"

#include "core/civil_time.h"
#include "core/events/campaign.h"
#include "core/events/event.h"
#include "core/events/handout.h"
#include "core/events/registration.h"

namespace nx::events {

namespace {

void add(std::vector<membership::TimelineEntry>& out, const sync::Record& r, const std::string& at, const char* step,
         Message text, int order) {
  const auto ms = civil::parse_datetime_ms(at);
  if (!ms) return;  // an entry without a moment cannot be placed on a timeline
  out.push_back(membership::TimelineEntry{at, *ms, r.kind, r.id, r.kind + "." + step, std::move(text), order});
}

void registration_entries(const sync::Record& r, const sync::RecordSource& records, std::vector<membership::TimelineEntry>& out) {
  const sync::Record* event = records.get(kEventKind, r.str("event_id"));
  const Param title = event && !event->deleted ? Param(event->str("title")) : Param(Msg::NounEvent);
  const std::string status = r.str("status");
  add(out, r, r.str("created_at"), "create",
      {status == "waitlisted" ? Msg::TimelineWaitlisted : Msg::TimelineSignedUp, {title}}, 0);
  add(out, r, r.str("promoted_at"), "promote", {Msg::TimelinePromoted, {title}}, 1);
  add(out, r, r.str("checked_in_at"), "check_in", {Msg::TimelineCheckedIn, {title}}, 2);
}

void handout_entries(const sync::Record& r, const sync::RecordSource& records, std::vector<membership::TimelineEntry>& out) {
  if (r.str("status") != "given") return;
  const sync::Record* campaign = records.get(kCampaignKind, r.str("campaign_id"));
  const Param name = campaign && !campaign->deleted ? Param(campaign->str("name")) : Param(Msg::NounHandoutGift);
  const std::string place = r.str("place");
  add(out, r, r.str("given_at"), "give", {Msg::TimelineReceived, {name, place}}, 0);
}

}  // namespace

std::vector<membership::TimelineSource> event_timeline_sources() {
  return {{kRegistrationKind, registration_entries}, {kHandoutKind, handout_entries}};
}

}  // namespace nx::events
