#pragma once
// Accounts, sessions and attempt counters in the database (so every server behind a load
// balancer sees the same lockouts and logouts).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "server/db/connection.h"

namespace nx::server::store {

struct User {
  std::string id;
  Role role = Role::Worker;
  std::string username;  // staff and admins
  std::string phone;     // workers
  std::string name;
  std::string unit_id;
  std::string provider_id;
  std::string secret_hash;

  Actor actor() const { return Actor{id, role, unit_id, provider_id}; }
  // What the API tells the signed-in person about themselves.
  nlohmann::json to_json() const;
};

std::optional<User> user_by_username(db::Connection& c, const std::string& username);
std::optional<User> user_by_phone(db::Connection& c, const std::string& phone);
// False when the id, username or phone is taken (by a concurrent registration, say).
bool insert_user(db::Connection& c, const User& u, std::int64_t now_ms);
void set_user_secret(db::Connection& c, const std::string& user_id, const std::string& secret_hash);

struct TokenOwner {
  User user;
  std::int64_t expires_at = 0;
};
void insert_token(db::Connection& c, const std::string& digest, const std::string& user_id, std::int64_t now_ms,
                  std::int64_t expires_at);
std::optional<TokenOwner> token_owner(db::Connection& c, const std::string& digest);
void delete_token(db::Connection& c, const std::string& digest);

// Attempts (failed logins, registrations) under a key like "login:phone:138...".
// The times of the latest `limit` attempts since `since_ms`, newest first.
std::vector<std::int64_t> recent_attempts(db::Connection& c, const std::string& key, std::int64_t since_ms, int limit);
void add_attempt(db::Connection& c, const std::string& key, std::int64_t at_ms, std::int64_t forget_before_ms);
void clear_attempts(db::Connection& c, const std::string& key);
void remove_attempt(db::Connection& c, const std::string& key, std::int64_t at_ms);

}  // namespace nx::server::store
