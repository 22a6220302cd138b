#pragma once
// Handouts 发放台账: one line per member who was given a campaign's items, recorded by the
// staff member who gave them, on whatever device was at hand (often offline at a station).
//
// One handout per member per campaign: on_create refuses a second claim, naming the first
// one's time and place ("已于 2026-07-01 10:30 在 XX驿站 领取过"). The record holder decides
// (the server, which sees every device's pushes in order), so the second of two devices that
// served the same member offline gets the refusal to show. The ledger is append-only: lines
// are never edited or deleted, a wrong one is voided with a reason (then the member may be
// served again).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/events/rule_support.h"
#include "core/kinds/registry.h"
#include "core/sync/record_source.h"
#include "core/workflow.h"

namespace nx::events {

inline constexpr const char* kHandoutKind = "handout";

struct Handout {
  std::string campaign_id;
  std::string member_id;
  std::string owner_id;    // the member's user account, so they see it; copied from the member when known
  std::string unit_id;     // the giving unit: the campaign's or one below it
  std::string station_id;  // optional: the rest station it happened at
  std::vector<std::string> items;  // a subset of the campaign's items
  std::string given_at;    // ISO moment, the device's clock when handed over
  std::string place;
  std::string device;      // the device that recorded it
  std::string given_by;    // the staff user; set from the actor, never from the op
  std::string status;      // given | voided
  std::string void_reason;
  std::string voided_by;
};

Decoded<Handout> decode_handout(const nlohmann::json& fields);
nlohmann::json to_fields(const Handout& h);

// given --void--> voided (staff of the unit or above, admin; a reason is required).
const Workflow& handout_workflow();
kinds::KindSpec handout_kind();

// 发放台账 for one campaign over a list of members: who has received (with when, where and
// what), who has not, and who shows more than one live handout (to void the extra one).
struct LedgerEntry {
  std::string member_id;
  std::string handout_id;
  std::string given_at;
  std::string place;
  std::string given_by;
  std::vector<std::string> items;
};
struct HandoutLedger {
  std::vector<LedgerEntry> received;      // in the order of the member list
  std::vector<std::string> not_received;  // in the order of the member list
  std::vector<std::string> served_twice;
};
HandoutLedger handout_ledger(const std::string& campaign_id, const std::vector<std::string>& member_ids,
                             const sync::RecordSource& records);

}  // namespace nx::events
