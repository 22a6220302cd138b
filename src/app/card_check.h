#pragma once
// Telling a real member card from a forged or expired one at the door, offline. The platform
// checks the Ed25519 signature with the server's public key kept on the device; this decides
// what that means for the person in front of the staff member.
#include <string_view>

#include "app/app_state.h"
#include "core/membership/card.h"

namespace nx::app {

// Text that is a card's QR payload rather than a typed member number.
bool looks_like_card(std::string_view text);

// NoKey: no key kept here yet; Unsupported: this browser cannot check Ed25519 signatures.
enum class Signature { Valid, Invalid, NoKey, Unsupported };

// The verdict for a readable card whose signature was checked, on China date `today`.
CardVerdict card_verdict(const membership::Card& card, Signature signature, std::string_view today);

}  // namespace nx::app
