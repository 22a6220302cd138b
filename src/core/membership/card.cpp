#include "core/membership/card.h"

#include <vector>

#include "core/base64url.h"
#include "core/civil_time.h"
#include "core/membership/member_number.h"
#include "core/validate.h"

namespace nx::membership {

std::optional<CardClaims> card_claims(const sync::Record& member, std::int64_t now_ms) {
  if (member.deleted || member.kind != "member" || member.str("status") != "active") return std::nullopt;
  CardClaims c{member.str("member_no"), member.str("unit_id"), member.str("valid_until")};
  if (!is_member_number(c.member_no) || !validate::is_uuid(c.unit_id)) return std::nullopt;
  if (c.valid_until.empty()) {
    const std::int64_t until = now_ms + std::int64_t{kCardDaysWithoutEnd} * 24 * 3600 * 1000;
    c.valid_until = civil::format_date(civil::to_china_local(until).date);
  }
  return c;
}

std::string card_signed_text(const CardClaims& c) {
  return std::string(kCardPrefix) + "|" + c.member_no + "|" + c.unit_id + "|" + c.valid_until;
}

std::string card_payload(const CardClaims& claims, std::string_view signature) {
  return card_signed_text(claims) + "|" + base64url_encode(signature);
}

std::optional<Card> parse_card(std::string_view payload) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t bar = payload.find('|', start);
    parts.push_back(payload.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  if (parts.size() != 5 || parts[0] != kCardPrefix) return std::nullopt;
  Card card;
  card.claims = {std::string(parts[1]), std::string(parts[2]), std::string(parts[3])};
  if (!is_member_number(card.claims.member_no) || !validate::is_uuid(card.claims.unit_id) ||
      !civil::parse_date(card.claims.valid_until))
    return std::nullopt;
  auto signature = base64url_decode(parts[4]);
  if (!signature || signature->size() != kCardSignatureBytes) return std::nullopt;
  card.signature = std::move(*signature);
  card.signed_text = card_signed_text(card.claims);
  return card;
}

bool card_expired(const CardClaims& claims, std::string_view today) { return today > claims.valid_until; }

}  // namespace nx::membership
