#pragma once
// Signing in: workers register and log in with phone + 6-digit PIN, staff and admins with a
// username and password; each login opens a session (a bearer token with an expiry). Failed
// attempts are counted per account and per address; too many give 429 with Retry-After.
// Every failure is thrown as an ApiError with the contract's status.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "server/db/pool.h"
#include "server/store/accounts.h"

namespace nx::server::auth {

struct TokenLifetimes {
  std::int64_t worker_ms = 30LL * 24 * 3600 * 1000;  // a rider's phone stays signed in a month
  std::int64_t staff_ms = 7LL * 24 * 3600 * 1000;    // staff: a week of field visits offline
};

struct Session {
  std::string token;
  std::int64_t expires_at = 0;
  store::User user;
  nlohmann::json to_json() const;  // {token, expires_at, user}
};

class AuthService {
 public:
  AuthService(db::Pool& pool, TokenLifetimes lifetimes) : pool_(pool), lifetimes_(lifetimes) {}

  Session register_worker(const nlohmann::json& body, const std::string& address);
  Session login_worker(const nlohmann::json& body, const std::string& address);
  Session login_staff(const nlohmann::json& body, const std::string& address);
  // The signed-in user for an "Authorization: Bearer ..." header value.
  store::User authenticate(const std::string& authorization);
  void logout(const std::string& authorization);

 private:
  Session login(const std::string& account_key, const std::string& address, const std::string& secret,
                std::optional<store::User> (*lookup)(db::Connection&, const std::string&), const std::string& account);
  Session open_session(db::Connection& c, store::User user);

  db::Pool& pool_;
  TokenLifetimes lifetimes_;
};

}  // namespace nx::server::auth
