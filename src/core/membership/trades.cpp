#include "core/membership/trades.h"

namespace nx::membership {

namespace {
struct TradeInfo {
  Trade trade;
  std::string_view zh;
  std::string_view en;
};
constexpr std::array<TradeInfo, 6> kTrades = {{
    {Trade::Delivery, "外卖骑手", "food-delivery rider"},
    {Trade::Courier, "快递员", "courier"},
    {Trade::RideHailing, "网约车司机", "ride-hailing driver"},
    {Trade::Truck, "货车司机", "truck driver"},
    {Trade::Livestream, "网络主播", "livestream host"},
    {Trade::Other, "其他", "other"},
}};
}  // namespace

std::string_view trade_name(Trade t) { return kTradeNames[static_cast<std::size_t>(t)]; }

std::optional<Trade> parse_trade(std::string_view name) {
  for (std::size_t i = 0; i < kTradeNames.size(); ++i)
    if (kTradeNames[i] == name) return kTrades[i].trade;
  return std::nullopt;
}

std::string_view trade_label(Trade t, Locale l) {
  const TradeInfo& info = kTrades[static_cast<std::size_t>(t)];
  return l == Locale::En ? info.en : info.zh;
}

}  // namespace nx::membership
