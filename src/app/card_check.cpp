#include "app/card_check.h"

namespace nx::app {

bool looks_like_card(std::string_view text) {
  return text.size() > membership::kCardPrefix.size() && text.substr(0, membership::kCardPrefix.size()) == membership::kCardPrefix &&
         text[membership::kCardPrefix.size()] == '|';
}

CardVerdict card_verdict(const membership::Card& card, Signature signature, std::string_view today) {
  if (signature == Signature::NoKey) return CardVerdict::NoKey;
  if (signature == Signature::Unsupported) return CardVerdict::Unsupported;
  // A forged card is said to be forged whatever date it claims.
  if (signature == Signature::Invalid) return CardVerdict::Forged;
  return membership::card_expired(card.claims, today) ? CardVerdict::Expired : CardVerdict::Genuine;
}

}  // namespace nx::app
