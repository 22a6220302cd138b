#pragma once
// The trades of new-economy workers (新就业形态): what a worker does, and what an industry
// union (行业工会) serves. Wire names are the lower_snake_case English ones.
#include <array>
#include <optional>
#include <string_view>

#include "core/locale.h"
#include "core/messages/catalog.h"

namespace nx::membership {

enum class Trade {
  Delivery,     // 外卖骑手
  Courier,      // 快递员
  RideHailing,  // 网约车司机
  Truck,        // 货车司机
  Livestream,   // 网络主播
  Other,        // 其他：no industry union serves "other"
};

inline constexpr std::array<std::string_view, 6> kTradeNames = {"delivery",  "courier",    "ride_hailing",
                                                                 "truck",     "livestream", "other"};

std::string_view trade_name(Trade t);
std::optional<Trade> parse_trade(std::string_view name);
// "外卖骑手" / "food-delivery rider": how screens and messages name the trade.
Msg trade_label(Trade t);

}  // namespace nx::membership
