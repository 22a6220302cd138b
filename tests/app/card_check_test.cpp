// 核验 of a member card: only a valid signature makes a card genuine, and then its date decides.
#include "app/card_check.h"

#include <doctest/doctest.h>

using namespace nx;
using namespace nx::app;

TEST_CASE("a card's text is told from a typed member number") {
  CHECK(looks_like_card("NX1|NX-20260701-ABCDE-FGHIJ|u|2027-06-30|sig"));
  CHECK_FALSE(looks_like_card("NX-20260701-ABCDE-FGHIJ"));
  CHECK_FALSE(looks_like_card("NX1"));
  CHECK_FALSE(looks_like_card("nx1|x"));
}

TEST_CASE("the verdict: forged whatever it claims, else genuine until its last day") {
  membership::Card card;
  card.claims = {"NX-20260701-ABCDE-FGHIJ", "unit", "2027-06-30"};
  CHECK(card_verdict(card, Signature::Valid, "2026-11-30") == CardVerdict::Genuine);
  CHECK(card_verdict(card, Signature::Valid, "2027-06-30") == CardVerdict::Genuine);
  CHECK(card_verdict(card, Signature::Valid, "2027-07-01") == CardVerdict::Expired);
  CHECK(card_verdict(card, Signature::Invalid, "2026-11-30") == CardVerdict::Forged);
  CHECK(card_verdict(card, Signature::Invalid, "2027-07-01") == CardVerdict::Forged);
  CHECK(card_verdict(card, Signature::NoKey, "2026-11-30") == CardVerdict::NoKey);
  CHECK(card_verdict(card, Signature::Unsupported, "2026-11-30") == CardVerdict::Unsupported);
}
