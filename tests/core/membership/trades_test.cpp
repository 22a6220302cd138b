#include "core/membership/trades.h"

#include <doctest/doctest.h>

using namespace nx;
using namespace nx::membership;

TEST_SUITE("membership") {

TEST_CASE("trades: wire names round-trip and have words in both languages") {
  for (std::string_view name : kTradeNames) {
    auto t = parse_trade(name);
    REQUIRE(t);
    CHECK(trade_name(*t) == name);
    CHECK_FALSE(message_text(trade_label(*t), Locale::ZhCN).empty());
    CHECK_FALSE(message_text(trade_label(*t), Locale::En).empty());
  }
  CHECK(message_text(trade_label(Trade::Delivery), Locale::ZhCN) == "外卖骑手");
  CHECK(message_text(trade_label(Trade::RideHailing), Locale::ZhCN) == "网约车司机");
  CHECK(message_text(trade_label(Trade::Livestream), Locale::En) == "livestream host");
  CHECK_FALSE(parse_trade("Delivery"));
  CHECK_FALSE(parse_trade(""));
  CHECK_FALSE(parse_trade("pilot"));
}

}
