#pragma once
// 会员证: what the member card's QR code carries. The server signs it (Ed25519, the key kept
// by the server), so a staff device holding the server's public key can tell a real card from
// a forged or expired one with no network:
//     NX1|<member number>|<unit id>|<valid until, YYYY-MM-DD>|<signature, base64url>
// The signature covers everything before the last "|". The server adds the payload to the
// member record it sends to the member's own phone (field "card"); it is never stored, so a
// renewal or a key change shows on the next sync.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/sync/record.h"

namespace nx::membership {

inline constexpr std::string_view kCardPrefix = "NX1";
inline constexpr std::size_t kCardSignatureBytes = 64;
// A card whose membership has no end date is good for this long after it was issued; the
// phone gets a fresh one at every sync.
inline constexpr int kCardDaysWithoutEnd = 365;

struct CardClaims {
  std::string member_no;
  std::string unit_id;
  std::string valid_until;  // YYYY-MM-DD, China local date, last valid day
  bool operator==(const CardClaims&) const = default;
};

struct Card {
  CardClaims claims;
  std::string signed_text;  // what the signature covers
  std::string signature;    // raw bytes
};

// The claims of a member record that may carry a card (active, with a number), as of `now_ms`;
// nullopt otherwise.
std::optional<CardClaims> card_claims(const sync::Record& member, std::int64_t now_ms);
// The text the server signs.
std::string card_signed_text(const CardClaims& claims);
// The whole QR payload, given the raw signature of card_signed_text(claims).
std::string card_payload(const CardClaims& claims, std::string_view signature);
// Reads a scanned or typed payload; nullopt when it is not a well-formed card.
std::optional<Card> parse_card(std::string_view payload);
// Past its last valid day on China local date `today` (YYYY-MM-DD)?
bool card_expired(const CardClaims& claims, std::string_view today);

}  // namespace nx::membership
