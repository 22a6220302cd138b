#pragma once
// The server's Ed25519 key for member cards (core/membership/card.h). Kept in the database's
// meta table, so every server on one database signs with the same key and a restart keeps it;
// the first server to start creates it.
#include <array>
#include <string>
#include <string_view>

#include <sodium.h>

#include "server/db/pool.h"

namespace nx::server::auth {

class CardSigner {
 public:
  // Reads the key, creating it if the database has none. Throws db::StorageError.
  explicit CardSigner(db::Pool& pool);

  std::string sign(std::string_view text) const;  // the raw 64-byte signature
  std::string public_key() const;                 // the raw 32-byte key

 private:
  std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret_{};
  std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> public_{};
};

}  // namespace nx::server::auth
