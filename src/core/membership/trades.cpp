#include "core/membership/trades.h"

namespace nx::membership {

namespace {
constexpr std::array<Msg, 6> kTradeLabels = {
    Msg::TradeDelivery,
    Msg::TradeCourier,
    Msg::TradeRideHailing,
    Msg::TradeTruck,
    Msg::TradeLivestream,
    Msg::TradeOther,
};
}  // namespace

std::string_view trade_name(Trade t) { return kTradeNames[static_cast<std::size_t>(t)]; }

std::optional<Trade> parse_trade(std::string_view name) {
  for (std::size_t i = 0; i < kTradeNames.size(); ++i)
    if (kTradeNames[i] == name) return static_cast<Trade>(i);
  return std::nullopt;
}

Msg trade_label(Trade t) { return kTradeLabels[static_cast<std::size_t>(t)]; }

}  // namespace nx::membership
