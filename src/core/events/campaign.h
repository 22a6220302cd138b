#pragma once
// Care campaigns 送温暖/送清凉 活动 (e.g. 夏送清凉 2026): what a unit hands out to members,
// and when. A plain record (no workflow); staff of the unit (or above) keep it. Handouts
// (events/handout.h) are given against a campaign.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/events/rule_support.h"
#include "core/kinds/registry.h"

namespace nx::events {

inline constexpr const char* kCampaignKind = "campaign";
inline constexpr std::array<std::string_view, 5> kCampaignCategories = {
    "summer_cooling",  // 夏送清凉
    "winter_warmth",   // 冬送温暖
    "welcome_pack",    // 入会大礼包
    "festival_care",   // 节日慰问
    "other"};
inline constexpr std::size_t kMaxCampaignItems = 20;
inline constexpr std::size_t kMaxItemChars = 30;

struct Campaign {
  std::string name;
  std::string category;
  std::string unit_id;
  std::vector<std::string> items;  // what a member may be given: "绿豆汤", "防暑药品", "毛巾"
  std::string start_date;          // first and last day handouts are given (China local dates)
  std::string end_date;
  std::string note;
};

Decoded<Campaign> decode_campaign(const nlohmann::json& fields);
nlohmann::json to_fields(const Campaign& c);
kinds::KindSpec campaign_kind();

}  // namespace nx::events
