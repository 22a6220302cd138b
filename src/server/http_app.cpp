// [SECTION] Headers and errors
// [SECTION] Static app
// (the API's routes are in api_routes.cpp)
#include "server/http_app.h"

#include <httplib.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/version.h"
#include "server/compress.h"
#include "server/http_response.h"

namespace nx::server {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Headers and errors
//-----------------------------------------------------------------------------

// Only the app itself and its API: no third-party scripts, no inline code, no framing.
// 'wasm-unsafe-eval' is what compiling the app's own WebAssembly needs.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

void add_security_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  res.set_header("Permissions-Policy", "geolocation=(self), camera=(self), microphone=()");
}

bool is_api_path(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

}  // namespace

HttpApp::HttpApp(ServerConfig config, std::unique_ptr<db::Pool> db)
    : config_(std::move(config)),
      db_(std::move(db)),
      auth_(*db_, config_.token_lifetimes),
      cards_(*db_),
      sync_(*db_, cards_),
      http_(std::make_unique<httplib::Server>()) {
  if (!config_.static_dir.empty()) static_files_ = std::make_unique<StaticFiles>(config_.static_dir);
  http_->set_payload_max_length(1 << 20);  // 1 MiB: a sync batch, never a file upload
  http_->set_read_timeout(10, 0);
  http_->set_write_timeout(10, 0);
  // Short: an idle phone reconnects cheaply, and stopping the server waits for idle
  // keep-alive connections to time out.
  http_->set_keep_alive_timeout(5);
  // A phone syncing sends tens of requests in a row: one connection for all of them. A
  // connection holds a thread while it stays open, so there are many threads (they mostly wait
  // on the network or the database): the default 8 let nine idle phones stall everyone.
  http_->set_keep_alive_max_count(100);
  http_->new_task_queue = [] { return new httplib::ThreadPool(64); };
  http_->set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    add_security_headers(res);
    add_cors_headers(req, res);
  });
  // A browser asks before a cross-origin call with a bearer token (the preflight).
  http_->Options(R"(/api/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    res.status = 204;  // the origin headers come with every API answer (post-routing)
    if (!config_.allow_origin.empty() && req.get_header_value("Origin") == config_.allow_origin) {
      res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
    }
  });
  http_->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    add_security_headers(res);
    if (!res.body.empty()) return;  // a handler already explained itself
    if (res.status == 404 && !is_api_path(req.path)) {
      res.set_content("404 Not Found\n", "text/plain; charset=utf-8");
      return;
    }
    switch (res.status) {
      case 404: send_error(res, 404, catalog_error("not_found", "", Msg::HttpNoSuchResource, {req.path})); break;
      case 413: send_error(res, 413, catalog_error("too_large", "", Msg::HttpTooLarge)); break;
      case 405: send_error(res, 405, catalog_error("method_not_allowed", "", Msg::HttpMethodNotAllowed)); break;
      default: send_error(res, res.status, catalog_error("bad_request", "", Msg::HttpBadRequest));
    }
  });
  http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    add_security_headers(res);
    send_error(res, 500, catalog_error("internal", "", Msg::HttpInternal));
  });
  http_->set_logger([](const httplib::Request& req, const httplib::Response& res) {
    std::clog << req.method << ' ' << req.path << ' ' << res.status << '\n';
  });
  add_api_routes();
  add_static_routes();
}

HttpApp::~HttpApp() = default;

// A JSON answer compressed here (compress.h says why), then sent as a content provider so
// cpp-httplib passes the bytes on as they are. It runs in the handler (guarded): cpp-httplib
// compresses a plain body before any post-routing hook could.
void HttpApp::compress_json(const httplib::Request& req, httplib::Response& res) {
  auto packed = compress_for(req.get_header_value("Accept-Encoding"), res.body);
  if (!packed) return;
  const std::string type = res.get_header_value("Content-Type");
  auto body = std::make_shared<std::string>(std::move(packed->bytes));
  res.body.clear();
  res.headers.erase("Content-Type");
  res.set_header("Content-Encoding", packed->coding);
  res.set_header("Vary", "Accept-Encoding");
  res.set_content_provider(body->size(), type, [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    sink.write(body->data() + offset, length);
    return true;
  });
}

// Only the configured app origin may call the API from a browser page on another host;
// every other origin gets no CORS headers, so browsers refuse to show it the answers.
bool HttpApp::add_cors_headers(const httplib::Request& req, httplib::Response& res) const {
  if (config_.allow_origin.empty() || !is_api_path(req.path)) return false;
  res.set_header("Vary", "Origin");
  if (req.get_header_value("Origin") != config_.allow_origin) return false;
  res.set_header("Access-Control-Allow-Origin", config_.allow_origin);
  res.set_header("Access-Control-Expose-Headers", "Retry-After");
  return true;
}

int HttpApp::bind() {
  if (config_.port == 0) return http_->bind_to_any_port(config_.host);
  return http_->bind_to_port(config_.host, config_.port) ? config_.port : -1;
}

bool HttpApp::listen() { return http_->listen_after_bind(); }

void HttpApp::stop() { http_->stop(); }

//-----------------------------------------------------------------------------
// [SECTION] Static app
//-----------------------------------------------------------------------------

void HttpApp::add_static_routes() {
  http_->Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    if (is_api_path(req.path) || !static_files_) {
      send_error(res, 404, catalog_error("not_found", "", Msg::HttpNoSuchResource, {req.path}));
      return;
    }
    const auto file = static_files_->resolve(req.path, req.get_header_value("Accept-Encoding"));
    if (!file) {
      res.status = 404;
      res.set_content("404 Not Found\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_header("Cache-Control", file->cache_control);
    res.set_header("ETag", file->etag);
    res.set_header("Vary", "Accept-Encoding");
    if (req.get_header_value("If-None-Match") == file->etag) {
      res.status = 304;
      return;
    }
    std::ifstream in(file->path, std::ios::binary);
    auto body = std::make_shared<std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      send_error(res, 500, catalog_error("read_failed", "", Msg::HttpReadFailed));
      return;
    }
    if (!file->content_encoding.empty()) res.set_header("Content-Encoding", file->content_encoding);
    // A content provider: httplib sends these bytes as they are, never compressing them again.
    res.set_content_provider(body->size(), file->content_type,
                             [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                               sink.write(body->data() + offset, length);
                               return true;
                             });
  });
}

}  // namespace nx::server
