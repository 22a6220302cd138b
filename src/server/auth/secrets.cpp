#include "server/auth/secrets.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

#include "core/uuid.h"
#include "core/validate.h"

namespace nx::server::auth {

namespace {
std::string hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

std::string random_from(std::string_view alphabet, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
  return out;
}
}  // namespace

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

std::string hash_secret(std::string_view secret) {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory hashing a password");
  return out.data();
}

bool verify_secret(const std::string& hash, std::string_view secret) {
  return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

void verify_nothing(std::string_view secret) {
  static const std::string dummy = hash_secret("not a real account");
  (void)verify_secret(dummy, secret);
}

std::string new_token() {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return hex(bytes.data(), bytes.size());
}

std::string token_digest(std::string_view token) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return hex(digest.data(), digest.size());
}

std::string new_uuid() {
  std::array<std::uint8_t, 16> b{};
  randombytes_buf(b.data(), b.size());
  return uuid_v4(b);
}

std::string new_password() { return random_from("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12); }

std::string new_pin() {
  for (;;) {
    std::string pin = random_from("0123456789", 6);
    if (!validate::pin(pin)) return pin;
  }
}

}  // namespace nx::server::auth
