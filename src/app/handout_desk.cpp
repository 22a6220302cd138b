#include "app/handout_desk.h"

#include <algorithm>
#include <cctype>

#include "core/civil_time.h"
#include "core/events/campaign.h"
#include "core/events/handout.h"

namespace nx::app {

const sync::Record* find_member(const sync::RecordSource& records, const std::string& number) {
  std::string wanted;
  for (char c : number)
    if (!std::isspace(static_cast<unsigned char>(c))) wanted += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (wanted.empty()) return nullptr;
  for (const sync::Record* m : records.find("member", "member_no", wanted))
    if (!m->deleted) return m;
  return nullptr;
}

std::vector<const sync::Record*> running_campaigns(const sync::RecordSource& records, const UnitTree& units,
                                                   const std::string& staff_unit, std::int64_t now_ms) {
  const std::string today = civil::format_date(civil::to_china_local(now_ms).date);
  std::vector<const sync::Record*> out;
  for (const sync::Record* c : records.all(events::kCampaignKind)) {
    if (c->deleted || c->str("start_date") > today || c->str("end_date") < today) continue;
    if (!staff_unit.empty() && !units.is_within(staff_unit, c->str("unit_id"))) continue;
    out.push_back(c);
  }
  std::sort(out.begin(), out.end(), [](const sync::Record* a, const sync::Record* b) {
    return a->str("end_date") != b->str("end_date") ? a->str("end_date") < b->str("end_date") : a->id < b->id;
  });
  return out;
}

const sync::Record* first_claim(const sync::RecordSource& records, const std::string& campaign_id,
                                const std::string& member_id) {
  for (const sync::Record* h : records.find(events::kHandoutKind, "member_id", member_id))
    if (!h->deleted && h->str("campaign_id") == campaign_id && h->str("status") == "given") return h;
  return nullptr;
}

Change give_handout(const sync::Record& campaign, const sync::Record& member, const std::string& staff_unit,
                    const std::string& place, const std::string& device_id, std::int64_t now_ms, std::string id) {
  nlohmann::json items = campaign.fields.contains("items") ? campaign.fields["items"] : nlohmann::json::array();
  nlohmann::json set = {{"campaign_id", campaign.id},  {"member_id", member.id},
                        {"unit_id", staff_unit.empty() ? campaign.str("unit_id") : staff_unit},
                        {"items", std::move(items)},   {"given_at", civil::format_datetime_utc(now_ms)},
                        {"place", place},              {"device", device_id}};
  if (const std::string owner = member.str("owner_id"); !owner.empty()) set["owner_id"] = owner;
  return {events::kHandoutKind, std::move(id), std::move(set), "", false};
}

std::vector<const sync::Record*> todays_registrations(const sync::RecordSource& records, const std::string& member_id,
                                                      std::int64_t now_ms) {
  const std::string today = civil::format_date(civil::to_china_local(now_ms).date);
  std::vector<const sync::Record*> out;
  for (const sync::Record* r : records.find("registration", "member_id", member_id)) {
    if (r->deleted || r->str("status") != "registered") continue;
    const sync::Record* session = records.get("event_session", r->str("session_id"));
    if (session && !session->deleted && session->str("date") == today) out.push_back(r);
  }
  return out;
}

Change check_in(const sync::Record& registration, std::int64_t now_ms) {
  return {"registration", registration.id, {{"checked_in_at", civil::format_datetime_utc(now_ms)}}, "check_in", false};
}

}  // namespace nx::app
