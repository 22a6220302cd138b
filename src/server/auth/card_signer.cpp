#include "server/auth/card_signer.h"

#include <stdexcept>

#include "core/base64url.h"

namespace nx::server::auth {

namespace {
constexpr const char* kMetaKey = "card_signing_key";
}

CardSigner::CardSigner(db::Pool& pool) {
  auto c = pool.acquire();
  {
    db::Transaction tx(*c, db::TxMode::Write);
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> sk{};
    crypto_sign_keypair(pk.data(), sk.data());
    const std::string fresh = base64url_encode(std::string_view(reinterpret_cast<const char*>(sk.data()), sk.size()));
    sodium_memzero(sk.data(), sk.size());
    // Two servers starting at once: one insert wins, both read the winner.
    c->query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", {std::string(kMetaKey), fresh});
    tx.commit();
  }
  db::Transaction tx(*c, db::TxMode::Read);
  const db::Rows rows = c->query("SELECT value FROM meta WHERE key = $1", {std::string(kMetaKey)});
  tx.commit();
  const auto bytes = rows.empty() ? std::nullopt : base64url_decode(rows[0].text(0));
  if (!bytes || bytes->size() != secret_.size()) throw std::runtime_error("the card signing key in the database is damaged");
  std::copy(bytes->begin(), bytes->end(), secret_.begin());
  crypto_sign_ed25519_sk_to_pk(public_.data(), secret_.data());
}

std::string CardSigner::sign(std::string_view text) const {
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(text.data()), text.size(), secret_.data());
  return signature;
}

std::string CardSigner::public_key() const { return std::string(reinterpret_cast<const char*>(public_.data()), public_.size()); }

}  // namespace nx::server::auth
