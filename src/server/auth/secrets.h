#pragma once
// Secrets with libsodium: argon2id for passwords and PINs (slow on purpose, salted, the
// parameters stored in the hash), random bearer tokens kept only as SHA-256 digests.
#include <string>
#include <string_view>

namespace nx::server::auth {

// Throws std::runtime_error if libsodium cannot start (no entropy source).
void init_crypto();

std::string hash_secret(std::string_view secret);
bool verify_secret(const std::string& hash, std::string_view secret);
// Spends the same time as a real verification, so a login for an unknown account is not
// told apart from a wrong password by how long it takes.
void verify_nothing(std::string_view secret);

std::string new_token();                          // 64 hex chars, 256 random bits
std::string token_digest(std::string_view token);  // hex SHA-256: what the database keeps
std::string new_uuid();                            // random RFC 4122 version 4
std::string new_password();                        // 12 letters and digits, for demo accounts
std::string new_pin();                             // 6 digits that pass the core's PIN rule

}  // namespace nx::server::auth
