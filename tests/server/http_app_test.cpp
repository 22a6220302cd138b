// The server over real HTTP on a loopback port: health, static files, errors, headers.
#include "server/http_app.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "server/auth/secrets.h"
#include "temp_dir.h"

namespace {

struct RunningServer {
  nx::test::TempDir data;
  nx::test::TempDir web;
  std::unique_ptr<nx::server::HttpApp> app;
  std::thread thread;
  int port = -1;

  RunningServer() {
    web.write("index.html", "<!doctype html><title>暖新</title>");
    web.write("nuanxin.wasm", std::string("\0asm\1\0\0\0", 8) + std::string(2000, 'x'));
    web.write("nuanxin.wasm.br", "brotli-bytes");
    web.write("nuanxin.js", "console.log('hi')");
    nx::server::ServerConfig config;
    config.port = 0;
    config.data_dir = data.path();
    config.static_dir = web.path();
    nx::server::auth::init_crypto();
    app = std::make_unique<nx::server::HttpApp>(config, nx::server::db::open_database("", config.data_dir.string()));
    port = app->bind();
    REQUIRE(port > 0);
    thread = std::thread([this] { app->listen(); });
  }
  ~RunningServer() {
    app->stop();
    thread.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_decompress(false);  // see the bytes exactly as sent
    return c;
  }
};

}  // namespace

TEST_CASE("health answers with status, version and db") {
  RunningServer s;
  auto res = s.client().Get("/api/v1/health");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  const auto body = nlohmann::json::parse(res->body);
  CHECK(body["status"] == "ok");
  CHECK(body["db"] == "sqlite");
  CHECK(body["version"].is_string());
  CHECK(std::filesystem::exists(s.data.path() / "nuanxin.sqlite3"));
}

TEST_CASE(".wasm is served as application/wasm, precompressed when accepted") {
  RunningServer s;
  auto c = s.client();
  auto raw = c.Get("/nuanxin.wasm");
  REQUIRE(raw);
  CHECK(raw->status == 200);
  CHECK(raw->get_header_value("Content-Type") == "application/wasm");
  CHECK_FALSE(raw->has_header("Content-Encoding"));
  CHECK(raw->body.size() == 2008);

  auto br = c.Get("/nuanxin.wasm", {{"Accept-Encoding", "gzip, br"}});
  REQUIRE(br);
  CHECK(br->status == 200);
  CHECK(br->get_header_value("Content-Type") == "application/wasm");
  CHECK(br->get_header_value("Content-Encoding") == "br");
  CHECK(br->body == "brotli-bytes");
  CHECK(br->get_header_value("Vary") == "Accept-Encoding");
}

TEST_CASE("the root serves index.html with security headers and revalidation") {
  RunningServer s;
  auto c = s.client();
  auto res = c.Get("/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(res->body.find("暖新") != std::string::npos);
  CHECK(res->get_header_value("Cache-Control") == "no-cache");
  CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(res->get_header_value("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
  CHECK(res->get_header_value("X-Frame-Options") == "DENY");

  auto again = c.Get("/", {{"If-None-Match", res->get_header_value("ETag")}});
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());
}

TEST_CASE("unknown paths 404, API ones as JSON errors") {
  RunningServer s;
  auto c = s.client();
  auto page = c.Get("/no-such-page.html");
  REQUIRE(page);
  CHECK(page->status == 404);
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");

  auto api = c.Get("/api/v1/no-such-endpoint");
  REQUIRE(api);
  CHECK(api->status == 404);
  const auto body = nlohmann::json::parse(api->body);
  CHECK(body["error"]["code"] == "not_found");
  CHECK(body["error"]["message"].is_string());

  auto traversal = c.Get("/../../etc/passwd");
  REQUIRE(traversal);
  CHECK(traversal->status != 200);
  auto encoded = c.Get("/%2e%2e/%2e%2e/etc/passwd");
  REQUIRE(encoded);
  CHECK(encoded->status == 404);
}

TEST_CASE("a body over the limit is refused with 413, not a crash") {
  RunningServer s;
  auto c = s.client();
  auto res = c.Post("/api/v1/health", std::string(2 << 20, 'x'), "application/json");
  REQUIRE(res);
  CHECK(res->status == 413);
  // And the server still answers afterwards.
  auto health = c.Get("/api/v1/health");
  REQUIRE(health);
  CHECK(health->status == 200);
}
