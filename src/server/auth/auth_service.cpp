#include "server/auth/auth_service.h"

#include <algorithm>

#include "core/json_in.h"
#include "core/validate.h"
#include "server/api_error.h"
#include "server/auth/secrets.h"
#include "server/auth/throttle.h"
#include "server/clock.h"

namespace nx::server::auth {

using nlohmann::json;

namespace {

ApiError unauthorized(std::string code, Msg msg, const std::vector<Param>& params = {}) {
  return ApiError(401, catalog_error(std::move(code), "", msg, params));
}

ApiError too_many(int retry_after_s) {
  const std::string minutes = std::to_string((retry_after_s + 59) / 60);
  return ApiError(429,
                  catalog_error("too_many_attempts", "", Msg::ErrTooManyAttemptsTryAgainIn, {minutes}),
                  retry_after_s);
}

// Reads the fields of an auth request; anything else in it is refused (a typo must not pass).
void only_fields(json_in::Reader& r, const json& body, std::initializer_list<const char*> allowed) {
  if (!body.is_object()) return;  // the Reader already said so
  for (const auto& item : body.items()) {
    const std::string& name = item.key();
    if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return name == a; }) == allowed.end())
      r.add(catalog_error("field_unknown", name, Msg::ErrUnknownField, {name}));
  }
}

ApiError phone_taken() {
  return ApiError(409, catalog_error("phone_taken", "phone", Msg::ErrThisPhoneNumberIsRegisteredAlready));
}

void throw_first(json_in::Reader& r) {
  if (!r.ok()) throw bad_request(r.errors().front());
}

int retry_after(db::Connection& c, const std::string& key, const ThrottleRule& rule, std::int64_t now) {
  return retry_after_seconds(rule, store::recent_attempts(c, key, now - rule.window_ms, rule.max_attempts), now);
}

std::string bearer_token(const std::string& authorization) {
  constexpr std::string_view scheme = "bearer ";
  if (authorization.size() <= scheme.size()) return {};
  std::string head = authorization.substr(0, scheme.size());
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return head == scheme ? authorization.substr(scheme.size()) : std::string();
}

}  // namespace

json Session::to_json() const { return {{"token", token}, {"expires_at", expires_at}, {"user", user.to_json()}}; }

Session AuthService::open_session(db::Connection& c, store::User user) {
  const std::int64_t now = now_ms();
  Session s;
  s.token = new_token();
  s.expires_at = now + (user.role == Role::Worker ? lifetimes_.worker_ms : lifetimes_.staff_ms);
  store::insert_token(c, token_digest(s.token), user.id, now, s.expires_at);
  s.user = std::move(user);
  return s;
}

Session AuthService::register_worker(const json& body, const std::string& address) {
  json_in::Reader r(body, "body");
  only_fields(r, body, {"phone", "name", "pin"});
  std::string phone, name, pin;
  if (!r.has("phone")) r.require("phone");
  else if (auto p = r.phone("phone")) phone = *p;
  name = r.required_str("name", 30);
  if (!name.empty())
    if (auto e = validate::person_name(name)) r.add(*e);
  pin = r.required_str("pin", 6);
  if (r.has("pin") && r.ok())
    if (auto e = validate::pin(pin)) r.add(*e);
  throw_first(r);

  // Every attempt counts, a refused one too: otherwise "is this number registered?" could be
  // asked without limit, and each refusal would still cost the server nothing to say.
  const std::string register_key = "register:" + address_key(address);
  {
    auto c = pool_.acquire();
    db::Transaction tx(*c, db::TxMode::Write);
    c->lock_key(register_key);
    const std::int64_t now = now_ms();
    if (int wait = retry_after(*c, register_key, kRegisterRule, now)) throw too_many(wait);
    store::add_attempt(*c, register_key, now, now - kRegisterRule.window_ms);
    const bool taken = store::user_by_phone(*c, phone).has_value();
    tx.commit();
    if (taken) throw phone_taken();
  }
  store::User user;
  user.id = new_uuid();
  user.role = Role::Worker;
  user.phone = phone;
  user.name = name;
  user.secret_hash = hash_secret(pin);  // slow on purpose: outside any transaction

  auto c = pool_.acquire();
  db::Transaction tx(*c, db::TxMode::Write);
  if (!store::insert_user(*c, user, now_ms())) throw phone_taken();  // registered meanwhile
  Session s = open_session(*c, std::move(user));
  tx.commit();
  return s;
}

Session AuthService::login_worker(const json& body, const std::string& address) {
  json_in::Reader r(body, "body");
  only_fields(r, body, {"phone", "pin"});
  std::string phone;
  if (!r.has("phone")) r.require("phone");
  else if (auto p = r.phone("phone")) phone = *p;
  const std::string pin = r.required_str("pin", 6);
  throw_first(r);
  return login("login:phone:" + phone, address, pin, store::user_by_phone, phone);
}

Session AuthService::login_staff(const json& body, const std::string& address) {
  json_in::Reader r(body, "body");
  only_fields(r, body, {"username", "password"});
  const std::string username = r.required_str("username", 40);
  const std::string password = r.required_str("password", 200);
  throw_first(r);
  return login("login:user:" + username, address, password, store::user_by_username, username);
}

Session AuthService::login(const std::string& account_key, const std::string& address, const std::string& secret,
                           std::optional<store::User> (*lookup)(db::Connection&, const std::string&),
                           const std::string& account) {
  // The attempt is counted before the (slow) check of the secret and under a lock on the
  // account, so parallel guesses cannot all slip past the limit; a success takes it back.
  const std::string by_address = "login-address:" + address_key(address);
  std::optional<store::User> user;
  int earlier_failures = 0;
  const std::int64_t attempt_at = now_ms();
  {
    auto c = pool_.acquire();
    db::Transaction tx(*c, db::TxMode::Write);
    c->lock_key(account_key);
    const int wait = std::max(retry_after(*c, account_key, kAccountRule, attempt_at),
                              retry_after(*c, by_address, kAddressRule, attempt_at));
    if (wait > 0) throw too_many(wait);
    earlier_failures = static_cast<int>(
        store::recent_attempts(*c, account_key, attempt_at - kAccountRule.window_ms, kAccountRule.max_attempts).size());
    store::add_attempt(*c, account_key, attempt_at, attempt_at - kAccountRule.window_ms);
    store::add_attempt(*c, by_address, attempt_at, attempt_at - kAddressRule.window_ms);
    user = lookup(*c, account);
    tx.commit();
  }
  bool ok = false;
  if (user) ok = verify_secret(user->secret_hash, secret);
  else verify_nothing(secret);

  if (!ok) {
    const int left = std::max(0, kAccountRule.max_attempts - earlier_failures - 1);
    const bool worker = account_key.rfind("login:phone:", 0) == 0;
    const Msg wrong = worker ? Msg::SignInWrongPin : Msg::SignInWrongPassword;
    if (left > 0) throw unauthorized("login_failed", Msg::SignInWrongTriesLeft, {wrong, std::to_string(left)});
    throw unauthorized("login_failed", Msg::SignInWrongLockedOut, {wrong});
  }
  auto c = pool_.acquire();
  db::Transaction tx(*c, db::TxMode::Write);
  store::clear_attempts(*c, account_key);
  store::remove_attempt(*c, by_address, attempt_at);
  Session s = open_session(*c, std::move(*user));
  tx.commit();
  return s;
}

store::User AuthService::authenticate(const std::string& authorization) {
  const std::string token = bearer_token(authorization);
  if (token.empty())
    throw unauthorized("auth_required", Msg::AuthRequired);
  const std::string digest = token_digest(token);
  auto c = pool_.acquire();
  auto owner = store::token_owner(*c, digest);
  if (!owner) throw unauthorized("token_invalid", Msg::AuthTokenInvalid);
  if (owner->expires_at <= now_ms()) {
    store::delete_token(*c, digest);
    throw unauthorized("token_expired", Msg::AuthTokenExpired);
  }
  return std::move(owner->user);
}

void AuthService::logout(const std::string& authorization) {
  authenticate(authorization);
  auto c = pool_.acquire();
  store::delete_token(*c, token_digest(bearer_token(authorization)));
}

}  // namespace nx::server::auth
