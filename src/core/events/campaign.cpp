#include "core/events/campaign.h"

#include "core/json_in.h"

namespace nx::events {

using nlohmann::json;

Decoded<Campaign> decode_campaign(const json& fields) {
  Decoded<Campaign> out;
  json_in::Reader r(fields, "campaign");
  Campaign& c = out.value;
  c.name = r.required_str("name", 60);
  if (auto v = r.one_of("category", kCampaignCategories)) c.category = *v; else r.require("category");
  c.unit_id = r.required_uuid("unit_id");
  if (auto v = read_text_list(r, fields, "items", 1, kMaxCampaignItems, kMaxItemChars)) c.items = *v; else r.require("items");
  c.start_date = r.required_date("start_date");
  c.end_date = r.required_date("end_date");
  c.note = r.str("note", 500).value_or("");
  // Dates are YYYY-MM-DD, so text order is date order.
  if (!c.start_date.empty() && !c.end_date.empty() && c.end_date < c.start_date)
    r.add(catalog_error("date_range_invalid", "end_date", Msg::ErrTheEndDateIsBeforeThe));
  refuse_unknown_fields(r, fields, {"name", "category", "unit_id", "items", "start_date", "end_date", "note"});
  out.errors = r.take_errors();
  return out;
}

json to_fields(const Campaign& c) {
  json j = {{"name", c.name},           {"category", c.category},     {"unit_id", c.unit_id},
            {"items", c.items},         {"start_date", c.start_date}, {"end_date", c.end_date}};
  if (!c.note.empty()) j["note"] = c.note;
  return j;
}

namespace {
Errors validate(const json& fields) { return decode_campaign(fields).errors; }
}  // namespace

kinds::KindSpec campaign_kind() {
  kinds::KindSpec k;
  k.name = kCampaignKind;
  k.validate = validate;
  k.create_rights = kUnitStaff | kAdmin;
  k.edit_rights = kUnitStaff | kAdmin;
  k.is_public = true;
  return k;
}

}  // namespace nx::events
