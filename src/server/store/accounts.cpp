#include "server/store/accounts.h"

namespace nx::server::store {

namespace {
constexpr const char* kUserColumns = "id, role, username, phone, name, unit_id, provider_id, secret_hash";

User user_from(const db::Row& row, std::size_t first = 0) {
  User u;
  u.id = row.text(first);
  u.role = parse_role(row.text(first + 1)).value_or(Role::Worker);
  u.username = row.text(first + 2);
  u.phone = row.text(first + 3);
  u.name = row.text(first + 4);
  u.unit_id = row.text(first + 5);
  u.provider_id = row.text(first + 6);
  u.secret_hash = row.text(first + 7);
  return u;
}

std::optional<User> one_user(db::Connection& c, const std::string& where, const std::string& value) {
  const db::Rows rows = c.query(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + where + " = $1", {value});
  if (rows.empty()) return std::nullopt;
  return user_from(rows.front());
}

db::Param or_null(const std::string& s) { return s.empty() ? db::Param{nullptr} : db::Param{s}; }
}  // namespace

nlohmann::json User::to_json() const {
  nlohmann::json j = {{"id", id}, {"role", role_name(role)}, {"name", name}};
  if (!username.empty()) j["username"] = username;
  if (!phone.empty()) j["phone"] = phone;
  if (!unit_id.empty()) j["unit_id"] = unit_id;
  if (!provider_id.empty()) j["provider_id"] = provider_id;
  return j;
}

std::optional<User> user_by_username(db::Connection& c, const std::string& username) {
  return one_user(c, "username", username);
}

std::optional<User> user_by_phone(db::Connection& c, const std::string& phone) { return one_user(c, "phone", phone); }

bool insert_user(db::Connection& c, const User& u, std::int64_t now_ms) {
  return !c.query("INSERT INTO users (id, role, username, phone, name, unit_id, provider_id, secret_hash, created_at) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id",
                  {u.id, std::string(role_name(u.role)), or_null(u.username), or_null(u.phone), u.name, u.unit_id,
                   u.provider_id, u.secret_hash, now_ms})
              .empty();
}

void set_user_secret(db::Connection& c, const std::string& user_id, const std::string& secret_hash) {
  c.query("UPDATE users SET secret_hash = $1 WHERE id = $2", {secret_hash, user_id});
  // A new password ends every session opened with the old one.
  c.query("DELETE FROM tokens WHERE user_id = $1", {user_id});
}

void insert_token(db::Connection& c, const std::string& digest, const std::string& user_id, std::int64_t now_ms,
                  std::int64_t expires_at) {
  // Sessions that expired unused go when their user signs in again.
  c.query("DELETE FROM tokens WHERE user_id = $1 AND expires_at < $2", {user_id, now_ms});
  c.query("INSERT INTO tokens (hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
          {digest, user_id, now_ms, expires_at});
}

std::optional<TokenOwner> token_owner(db::Connection& c, const std::string& digest) {
  const db::Rows rows = c.query(
      "SELECT u.id, u.role, u.username, u.phone, u.name, u.unit_id, u.provider_id, u.secret_hash, t.expires_at "
      "FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1",
      {digest});
  if (rows.empty()) return std::nullopt;
  return TokenOwner{user_from(rows.front()), rows.front().integer(8)};
}

void delete_token(db::Connection& c, const std::string& digest) { c.query("DELETE FROM tokens WHERE hash = $1", {digest}); }

std::vector<std::int64_t> recent_attempts(db::Connection& c, const std::string& key, std::int64_t since_ms, int limit) {
  std::vector<std::int64_t> out;
  for (const db::Row& row : c.query("SELECT at FROM attempts WHERE key = $1 AND at >= $2 ORDER BY at DESC LIMIT $3",
                                    {key, since_ms, std::int64_t{limit}}))
    out.push_back(row.integer(0));
  return out;
}

void add_attempt(db::Connection& c, const std::string& key, std::int64_t at_ms, std::int64_t forget_before_ms) {
  c.query("DELETE FROM attempts WHERE key = $1 AND at < $2", {key, forget_before_ms});
  c.query("INSERT INTO attempts (key, at) VALUES ($1, $2)", {key, at_ms});
}

void clear_attempts(db::Connection& c, const std::string& key) { c.query("DELETE FROM attempts WHERE key = $1", {key}); }

void remove_attempt(db::Connection& c, const std::string& key, std::int64_t at_ms) {
  c.query("DELETE FROM attempts WHERE key = $1 AND at = $2", {key, at_ms});
}

}  // namespace nx::server::store
