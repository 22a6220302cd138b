// The /api/v1 routes of DESIGN.md's contract. Each handler reads as the happy path: services
// throw ApiError for the answers that are not, and guarded() turns them into JSON errors.
#include <httplib.h>

#include <iostream>

#include "core/base64url.h"
#include "core/json_in.h"
#include "core/version.h"
#include "server/api_error.h"
#include "server/db/migrations.h"
#include "server/http_app.h"
#include "server/http_response.h"

namespace nx::server {

using nlohmann::json;

namespace {

// A request's JSON body within the limits every endpoint shares.
json body_of(const httplib::Request& req) {
  json_in::Limits limits;
  limits.max_bytes = 1 << 20;
  limits.max_depth = 16;
  limits.max_string_bytes = 64 * 1024;
  auto parsed = json_in::parse(req.body, limits);
  if (!parsed) throw bad_request(parsed.error());
  return std::move(parsed).value();
}

std::string authorization(const httplib::Request& req) { return req.get_header_value("Authorization"); }

// Who is asking, for rate limits. Behind our own reverse proxy that is the address the proxy
// appended last to X-Forwarded-For (earlier entries are whatever the client claimed).
std::string client_address(const httplib::Request& req, bool behind_proxy) {
  const std::string forwarded = behind_proxy ? req.get_header_value("X-Forwarded-For") : std::string();
  if (forwarded.empty()) return req.remote_addr;
  std::string last = forwarded.substr(forwarded.rfind(',') == std::string::npos ? 0 : forwarded.rfind(',') + 1);
  last.erase(0, last.find_first_not_of(' '));
  last.erase(last.find_last_not_of(' ') + 1);
  return last.empty() ? req.remote_addr : last;
}

}  // namespace

void HttpApp::guarded(Handler h, const httplib::Request& req, httplib::Response& res) {
  try {
    (this->*h)(req, res);
  } catch (const ApiError& e) {
    if (e.retry_after_s > 0) res.set_header("Retry-After", std::to_string(e.retry_after_s));
    send_error(res, e.status, e.error.code, e.error.message_en, e.error.message_zh, e.error.field);
  } catch (const db::StorageError& e) {
    std::cerr << "storage: " << e.what() << '\n';
    res.set_header("Retry-After", "2");
    send_error(res, 503, catalog_error("storage_unavailable", "", Msg::HttpStorageUnavailable));
  }
  compress_json(req, res);
}

void HttpApp::add_api_routes() {
  const auto route = [this](Handler h) {
    return [this, h](const httplib::Request& req, httplib::Response& res) { guarded(h, req, res); };
  };
  http_->Get("/api/v1/health", route(&HttpApp::health));
  http_->Get("/api/v1/openapi.json", route(&HttpApp::openapi));
  http_->Post("/api/v1/auth/worker/register", route(&HttpApp::register_worker));
  http_->Post("/api/v1/auth/worker/login", route(&HttpApp::login_worker));
  http_->Post("/api/v1/auth/staff/login", route(&HttpApp::login_staff));
  http_->Post("/api/v1/auth/logout", route(&HttpApp::logout));
  http_->Get("/api/v1/auth/me", route(&HttpApp::me));
  http_->Post("/api/v1/sync/push", route(&HttpApp::push));
  http_->Get("/api/v1/sync/pull", route(&HttpApp::pull));
  http_->Get("/api/v1/card-key", route(&HttpApp::card_key));
  http_->Get(R"(/api/v1/records/([a-z_]{1,40})/([0-9a-f-]{36})/history)", route(&HttpApp::history));
}

// The key that checks member cards: public, so any staff device can verify a card offline.
void HttpApp::card_key(const httplib::Request&, httplib::Response& res) {
  send_json(res, 200, {{"algorithm", "Ed25519"}, {"public_key", base64url_encode(cards_.public_key())}});
}

void HttpApp::health(const httplib::Request&, httplib::Response& res) {
  bool ok = true;
  try {
    auto c = db_->acquire();
    c->query("SELECT 1");
  } catch (const db::StorageError&) {
    ok = false;
  }
  send_json(res, ok ? 200 : 503,
            {{"status", ok ? "ok" : "degraded"}, {"version", app_version()}, {"db", db::backend_name(db_->backend())},
             {"schema", kSchemaVersion}, {"db_schema", db::schema_version()}});
}

void HttpApp::openapi(const httplib::Request&, httplib::Response& res) {
  res.set_header("Cache-Control", "no-cache");
  res.set_content(openapi_json(), "application/json");
}

void HttpApp::register_worker(const httplib::Request& req, httplib::Response& res) {
  send_json(res, 201, auth_.register_worker(body_of(req), client_address(req, config_.behind_proxy)).to_json());
}

void HttpApp::login_worker(const httplib::Request& req, httplib::Response& res) {
  send_json(res, 200, auth_.login_worker(body_of(req), client_address(req, config_.behind_proxy)).to_json());
}

void HttpApp::login_staff(const httplib::Request& req, httplib::Response& res) {
  send_json(res, 200, auth_.login_staff(body_of(req), client_address(req, config_.behind_proxy)).to_json());
}

void HttpApp::logout(const httplib::Request& req, httplib::Response& res) {
  auth_.logout(authorization(req));
  send_json(res, 200, {{"ok", true}});
}

void HttpApp::me(const httplib::Request& req, httplib::Response& res) {
  send_json(res, 200, {{"user", auth_.authenticate(authorization(req)).to_json()}});
}

void HttpApp::push(const httplib::Request& req, httplib::Response& res) {
  const store::User user = auth_.authenticate(authorization(req));
  send_json(res, 200, sync_.push(user, body_of(req)));
}

void HttpApp::pull(const httplib::Request& req, httplib::Response& res) {
  const store::User user = auth_.authenticate(authorization(req));
  send_json(res, 200, sync_.pull(user, req.get_param_value("since"), req.get_param_value("limit")));
}

void HttpApp::history(const httplib::Request& req, httplib::Response& res) {
  const store::User user = auth_.authenticate(authorization(req));
  send_json(res, 200, sync_.history(user, req.matches[1].str(), req.matches[2].str()));
}

}  // namespace nx::server
