#include "core/demo/season.h"

#include "core/civil_time.h"

namespace nx::demo {

namespace {
// 夏送清凉 (May to September) and 冬送温暖 (the rest of the year).
const Season kSummer{"", "夏送清凉", "summer_cooling", {"绿豆汤", "藿香正气水", "毛巾", "清凉油", "矿泉水", "遮阳帽"},
                     "驿站送清凉", "高温季在户外劳动者驿站送绿豆汤、防暑药品，现场测血压",
                     "全区 16 个户外劳动者驿站为会员发放绿豆汤、藿香正气水、毛巾等防暑物品，每人限领一次。\n\n"
                     "领取时请出示电子会员证。高温天请错峰出行，多喝水，感觉不适就近到驿站休息。"};
const Season kWinter{"", "冬送温暖", "winter_warmth", {"暖宝宝", "护膝", "棉手套", "保温杯", "姜茶", "防风帽"},
                     "驿站送温暖", "寒冬在户外劳动者驿站送姜茶、暖宝宝、护膝，现场测血压",
                     "全区 16 个户外劳动者驿站为会员发放暖宝宝、护膝、棉手套等御寒物品，每人限领一次。\n\n"
                     "领取时请出示电子会员证。雨雪天路滑请慢行，手脚冻僵了就近到驿站取暖歇脚。"};
}  // namespace

Season season_of(std::int64_t now_ms) {
  const civil::Date today = civil::to_china_local(now_ms).date;
  Season s = today.month >= 5 && today.month <= 9 ? kSummer : kWinter;
  s.year = std::to_string(today.year);
  return s;
}

}  // namespace nx::demo
