#include "core/events/handout.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "core/civil_time.h"
#include "core/events/campaign.h"
#include "core/json_in.h"
#include "core/text.h"

namespace nx::events {

using nlohmann::json;

Decoded<Handout> decode_handout(const json& fields) {
  Decoded<Handout> out;
  json_in::Reader r(fields, "handout");
  Handout& h = out.value;
  h.campaign_id = r.required_uuid("campaign_id");
  h.member_id = r.required_uuid("member_id");
  h.owner_id = read_user_id(r, "owner_id").value_or("");
  h.unit_id = r.required_uuid("unit_id");
  h.station_id = r.uuid("station_id").value_or("");
  if (auto v = read_text_list(r, fields, "items", 1, kMaxCampaignItems, kMaxItemChars)) h.items = *v; else r.require("items");
  h.given_at = r.required_datetime("given_at");
  h.place = r.required_str("place", 100);
  if (auto v = read_user_id(r, "device")) h.device = *v; else r.require("device");
  h.given_by = read_user_id(r, "given_by").value_or("");
  static constexpr std::array<std::string_view, 2> kStates = {"given", "voided"};
  if (auto v = r.one_of("status", kStates)) h.status = *v; else r.require("status");
  h.void_reason = r.str("void_reason", 200).value_or("");
  h.voided_by = read_user_id(r, "voided_by").value_or("");
  refuse_unknown_fields(r, fields, {"campaign_id", "member_id", "owner_id", "unit_id", "station_id", "items", "given_at", "place",
                                    "device", "given_by", "status", "void_reason", "voided_by"});
  out.errors = r.take_errors();
  return out;
}

json to_fields(const Handout& h) {
  json j = {{"campaign_id", h.campaign_id}, {"member_id", h.member_id}, {"unit_id", h.unit_id}, {"items", h.items},
            {"given_at", h.given_at},       {"place", h.place},         {"device", h.device},   {"status", h.status}};
  auto put = [&](const char* name, const std::string& v) {
    if (!v.empty()) j[name] = v;
  };
  put("owner_id", h.owner_id);
  put("station_id", h.station_id);
  put("given_by", h.given_by);
  put("void_reason", h.void_reason);
  put("voided_by", h.voided_by);
  return j;
}

const Workflow& handout_workflow() {
  static const Workflow wf{kHandoutKind, "given", {"given", "voided"}, {{"void", {"given"}, "voided", kUnitStaff | kAdmin}}};
  return wf;
}

namespace {

Errors validate(const json& fields) { return decode_handout(fields).errors; }

std::int64_t moment_of(const sync::Record& r) {
  return civil::parse_datetime_ms(r.str("given_at")).value_or(std::numeric_limits<std::int64_t>::max());
}

// Live handouts of a campaign per member, earliest first.
std::map<std::string, std::vector<const sync::Record*>> given_by_member(const sync::RecordSource& records,
                                                                        const std::string& campaign_id) {
  std::map<std::string, std::vector<const sync::Record*>> out;
  for (const sync::Record* h : records.find(kHandoutKind, "campaign_id", campaign_id))
    if (h->str("status") == "given") out[h->str("member_id")].push_back(h);
  for (auto& [_, list] : out)
    std::sort(list.begin(), list.end(), [](const sync::Record* a, const sync::Record* b) {
      return std::make_pair(moment_of(*a), a->id) < std::make_pair(moment_of(*b), b->id);
    });
  return out;
}

Status on_create(kinds::StepContext& ctx) {
  if (Status s = only_params(ctx.params, {"campaign_id", "member_id", "owner_id", "unit_id", "station_id", "items", "given_at",
                                          "place", "device"});
      !s)
    return s;
  if (!ctx.records) return records_unavailable();
  const sync::RecordSource& records = *ctx.records;
  json& f = ctx.fields;
  const std::string campaign_id = field_str(f, "campaign_id");
  const sync::Record* campaign = records.get(kCampaignKind, campaign_id);
  if (!campaign || campaign->deleted) return not_found("campaign_id", Msg::NounCampaign);
  if (!unit_within(records, field_str(f, "unit_id"), campaign->str("unit_id")))
    return catalog_error("unit_outside_campaign", "unit_id", Msg::ErrThisUnitIsNotPartOf);

  const json& offered = campaign->fields.contains("items") ? campaign->fields["items"] : json::array();
  for (const json& item : f["items"])
    if (std::find(offered.begin(), offered.end(), item) == offered.end())
      return catalog_error("item_unknown", "items", Msg::ErrTheCampaignDoesNotHandOut, {item.get<std::string>()});

  const std::string given_at = field_str(f, "given_at");
  const std::int64_t given_ms = civil::parse_datetime_ms(given_at).value_or(0);
  if (given_ms > ctx.now_ms + kClockSkewMs)
    return catalog_error("moment_in_future", "given_at", Msg::ErrTheHandOutTimeIsIn);
  const std::string day = civil::format_date(civil::to_china_local(given_ms).date);
  if (day < campaign->str("start_date") || day > campaign->str("end_date"))
    return catalog_error("outside_campaign_dates", "given_at", Msg::ErrOutsideTheCampaignsDatesTo, {campaign->str("start_date"), campaign->str("end_date")});

  const std::string member_id = field_str(f, "member_id");
  if (const sync::Record* member = records.get("member", member_id); member && !member->deleted) {
    const std::string member_owner = member->str(sync::kOwnerField);
    if (!member_owner.empty()) {
      if (field_str(f, sync::kOwnerField).empty()) f[sync::kOwnerField] = member_owner;
      else if (field_str(f, sync::kOwnerField) != member_owner)
        return catalog_error("member_mismatch", "owner_id", Msg::ErrTheMemberAndTheAccountDo);
    }
  }

  const auto given = given_by_member(records, campaign_id);
  if (auto it = given.find(member_id); it != given.end()) {
    for (const sync::Record* first : it->second) {
      if (first->id == ctx.before.id) continue;
      const std::string when = china_local_text(first->str("given_at"));
      const std::string where = first->str("place");
      return catalog_error("already_received", "member_id", Msg::ErrAlreadyReceivedOnChinaTimeAt, {when, where});
    }
  }
  f["given_by"] = ctx.actor.user_id;
  return ok_status();
}

Status on_step(const std::string& transition, kinds::StepContext& ctx) {
  if (Status s = only_params(ctx.params, {"void_reason"}); !s) return s;
  if (transition == "void") {
    const json& reason = ctx.params.contains("void_reason") ? ctx.params["void_reason"] : json();
    if (!reason.is_string() || text::trim(reason.get<std::string>()).empty())
      return catalog_error("required", "void_reason", Msg::ErrSayWhyThisLineIsVoid);
    ctx.fields["voided_by"] = ctx.actor.user_id;
  }
  return ok_status();
}

}  // namespace

kinds::KindSpec handout_kind() {
  kinds::KindSpec k;
  k.name = kHandoutKind;
  k.validate = validate;
  k.workflow = &handout_workflow();
  k.create_rights = kUnitStaff | kAdmin;
  k.edit_rights = 0;  // append-only ledger: void, never edit
  k.step_only_fields = {"given_by", "voided_by"};
  k.on_step = on_step;
  k.on_create = on_create;
  return k;
}

HandoutLedger handout_ledger(const std::string& campaign_id, const std::vector<std::string>& member_ids,
                             const sync::RecordSource& records) {
  HandoutLedger ledger;
  const auto given = given_by_member(records, campaign_id);
  std::set<std::string> seen;
  for (const std::string& member : member_ids) {
    if (!seen.insert(member).second) continue;
    auto it = given.find(member);
    if (it == given.end()) {
      ledger.not_received.push_back(member);
      continue;
    }
    const sync::Record& first = *it->second.front();
    LedgerEntry e{member, first.id, first.str("given_at"), first.str("place"), first.str("given_by"), {}};
    if (first.fields.contains("items") && first.fields["items"].is_array())
      for (const json& item : first.fields["items"])
        if (item.is_string()) e.items.push_back(item.get<std::string>());
    ledger.received.push_back(std::move(e));
    if (it->second.size() > 1) ledger.served_twice.push_back(member);
  }
  return ledger;
}

}  // namespace nx::events
