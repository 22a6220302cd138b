#pragma once
// The HTTP face of the server: /api/v1 and the static app, with the headers every response
// carries. It keeps no state between requests that another server instance would need:
// sessions, rate limits and sync state all live in the database.
#include <memory>

#include "server/auth/auth_service.h"
#include "server/config.h"
#include "server/db/pool.h"
#include "server/static_files.h"
#include "server/sync/sync_service.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace nx::server {

class HttpApp {
 public:
  HttpApp(ServerConfig config, std::unique_ptr<db::Pool> db);
  ~HttpApp();

  // Binds config.host:config.port; returns the port bound (useful with --port 0) or -1.
  int bind();
  // Serves until stop(); returns false if the server could not run.
  bool listen();
  void stop();

 private:
  using Handler = void (HttpApp::*)(const httplib::Request&, httplib::Response&);
  void add_api_routes();     // api_routes.cpp
  void add_static_routes();
  static void compress_json(const httplib::Request& req, httplib::Response& res);
  bool add_cors_headers(const httplib::Request& req, httplib::Response& res) const;
  // Runs a handler, turning ApiError and storage failures into the contract's JSON errors.
  void guarded(Handler h, const httplib::Request& req, httplib::Response& res);

  void health(const httplib::Request& req, httplib::Response& res);
  void openapi(const httplib::Request& req, httplib::Response& res);
  void register_worker(const httplib::Request& req, httplib::Response& res);
  void login_worker(const httplib::Request& req, httplib::Response& res);
  void login_staff(const httplib::Request& req, httplib::Response& res);
  void logout(const httplib::Request& req, httplib::Response& res);
  void me(const httplib::Request& req, httplib::Response& res);
  void push(const httplib::Request& req, httplib::Response& res);
  void pull(const httplib::Request& req, httplib::Response& res);
  void history(const httplib::Request& req, httplib::Response& res);
  void card_key(const httplib::Request& req, httplib::Response& res);

  ServerConfig config_;
  std::unique_ptr<db::Pool> db_;
  auth::AuthService auth_;
  auth::CardSigner cards_;
  sync_api::SyncService sync_;
  std::unique_ptr<StaticFiles> static_files_;
  std::unique_ptr<httplib::Server> http_;
};

// The API's description (src/server/openapi.json, embedded at build time).
const char* openapi_json();

}  // namespace nx::server
