#include "core/membership/card.h"

#include <doctest/doctest.h>

using namespace nx;
using namespace nx::membership;

namespace {
constexpr const char* kUnit = "0f8e6c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
constexpr std::int64_t kNow = 1782867600000;  // 2026-07-01 09:00 China

sync::Record member(nlohmann::json fields) {
  sync::Record r;
  r.kind = "member";
  r.id = "m1";
  r.fields = std::move(fields);
  return r;
}
}  // namespace

TEST_CASE("an active member with a number gets a card; its end date, or a year from now") {
  auto m = member({{"member_no", "NX-20260701-7K3M9-QXD2F"}, {"unit_id", kUnit}, {"status", "active"}, {"valid_until", "2027-12-31"}});
  auto c = card_claims(m, kNow);
  REQUIRE(c);
  CHECK(c->valid_until == "2027-12-31");
  m.fields.erase("valid_until");
  CHECK(card_claims(m, kNow)->valid_until == "2027-07-01");
  m.fields["status"] = "lapsed";
  CHECK(!card_claims(m, kNow));
  m.fields["status"] = "active";
  m.fields["member_no"] = "";
  CHECK(!card_claims(m, kNow));
}

TEST_CASE("a card payload round-trips and names exactly what was signed") {
  const CardClaims claims{"NX-20260701-7K3M9-QXD2F", kUnit, "2027-12-31"};
  const std::string signature(kCardSignatureBytes, '\x5a');
  const std::string payload = card_payload(claims, signature);
  CHECK(payload.rfind("NX1|NX-20260701-7K3M9-QXD2F|" + std::string(kUnit) + "|2027-12-31|", 0) == 0);
  auto card = parse_card(payload);
  REQUIRE(card);
  CHECK(card->claims == claims);
  CHECK(card->signature == signature);
  CHECK(card->signed_text == card_signed_text(claims));
  CHECK(!card_expired(claims, "2027-12-31"));
  CHECK(card_expired(claims, "2028-01-01"));
}

TEST_CASE("a malformed card is refused, whatever is wrong with it") {
  const CardClaims claims{"NX-20260701-7K3M9-QXD2F", kUnit, "2027-12-31"};
  const std::string good = card_payload(claims, std::string(kCardSignatureBytes, 'x'));
  CHECK(parse_card(good));
  CHECK(!parse_card(""));
  CHECK(!parse_card("NX2" + good.substr(3)));
  CHECK(!parse_card(good + "|extra"));
  CHECK(!parse_card(card_payload(claims, std::string(63, 'x'))));  // short signature
  CHECK(!parse_card(card_payload({"12345", kUnit, "2027-12-31"}, std::string(64, 'x'))));
  CHECK(!parse_card(card_payload({claims.member_no, "not-a-unit", "2027-12-31"}, std::string(64, 'x'))));
  CHECK(!parse_card(card_payload({claims.member_no, kUnit, "2027-13-40"}, std::string(64, 'x'))));
}
