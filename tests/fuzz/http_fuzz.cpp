// libFuzzer target over the server's HTTP handlers: one real HttpApp on a loopback port, on
// SQLite in a temp folder with the demo district, and every input becomes one request to it.
// The first byte picks the route and who asks (nobody, a worker, district staff, a made-up
// token); the rest is the body, the query or the path. Some routes send the bytes as they are,
// so the HTTP parser in front of the handlers is fuzzed too. A crash, a sanitizer report, a
// 5xx or a server that stops answering is a finding.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "../server/temp_dir.h"
#include "server/auth/secrets.h"
#include "server/demo_seed.h"
#include "server/http_app.h"

namespace {

using nx::server::HttpApp;

struct Target {
  nx::test::TempDir data;
  std::unique_ptr<HttpApp> app;
  std::thread thread;
  int port = -1;
  std::array<std::string, 4> tokens;  // none, worker, staff, made up
  std::unique_ptr<httplib::Client> client;
};
Target* target = nullptr;

[[noreturn]] void finding(const std::string& what) {
  std::fprintf(stderr, "http_fuzz: %s\n", what.c_str());
  std::abort();
}

std::string login(httplib::Client& c, const std::string& path, const nlohmann::json& body) {
  auto res = c.Post(path, body.dump(), "application/json");
  if (!res || res->status != 200) finding("demo login failed at start: " + path);
  return nlohmann::json::parse(res->body)["token"].get<std::string>();
}

// The bytes as they are, on a connection of their own; the write side is closed after them so
// the server never waits for more.
void send_raw(const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(target->port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) finding("the server stopped accepting connections");
  (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  char buf[4096];
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  while (::recv(fd, buf, sizeof buf, 0) > 0) {
  }
  ::close(fd);
}

// Bytes that cannot stand in a request line (controls, space, non-ASCII) as %XX; the rest, "../"
// and "%" included, goes as it is.
std::string in_url(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (ch > 0x20 && ch < 0x7f) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  target = new Target;
  nx::server::auth::init_crypto();
  nx::server::ServerConfig config;
  config.port = 0;
  config.data_dir = target->data.path();
  target->data.write("www/index.html", "<!doctype html><title>暖新</title>");
  config.static_dir = target->data.path() / "www";
  auto db = nx::server::db::open_database("", config.data_dir.string());
  // A small district (about 600 records): every kind and state is there, and a staff pull of
  // all of it stays quick enough under the sanitizers to leave time for the other routes.
  const auto seed = nx::server::seed_demo(*db, config.data_dir, 30, 30);
  target->app = std::make_unique<HttpApp>(config, std::move(db));
  target->port = target->app->bind();
  if (target->port <= 0) finding("could not bind");
  target->thread = std::thread([] { target->app->listen(); });
  target->client = std::make_unique<httplib::Client>("127.0.0.1", target->port);
  target->client->set_read_timeout(30, 0);
  target->tokens[3] = "bm90LWEtcmVhbC10b2tlbg";
  for (const auto& l : seed.logins) {
    if (l.role == "worker" && target->tokens[1].empty())
      target->tokens[1] = login(*target->client, "/api/v1/auth/worker/login", {{"phone", l.login}, {"pin", l.secret}});
    if (l.role == "staff" && target->tokens[2].empty())
      target->tokens[2] = login(*target->client, "/api/v1/auth/staff/login", {{"username", l.login}, {"password", l.secret}});
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t pick = data[0];
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  httplib::Headers headers;
  if (const std::string& token = target->tokens[(pick >> 4) & 3]; !token.empty())
    headers.emplace("Authorization", "Bearer " + token);
  if (pick & 0x40) headers.emplace("Accept-Encoding", "br, gzip");
  httplib::Client& c = *target->client;
  std::optional<httplib::Result> res;  // none for the raw routes
  switch (pick & 0x0f) {
    case 0: case 1: case 2: res = c.Post("/api/v1/sync/push", headers, rest, "application/json"); break;
    case 3: res = c.Post("/api/v1/auth/worker/register", headers, rest, "application/json"); break;
    case 4: res = c.Post("/api/v1/auth/worker/login", headers, rest, "application/json"); break;
    case 5: res = c.Post("/api/v1/auth/staff/login", headers, rest, "application/json"); break;
    case 6: res = c.Get("/api/v1/sync/pull?" + httplib::detail::encode_query_param(rest), headers); break;
    case 7: res = c.Get("/api/v1/sync/pull?" + in_url(rest), headers); break;
    case 8: res = c.Get("/api/v1/records/service_request/" + in_url(rest) + "/history", headers); break;
    case 9: res = c.Get("/api/v1/auth/me", headers); break;
    case 10: res = c.Get("/api/v1/card-key", headers); break;
    case 11: res = c.Get("/" + in_url(rest), headers); break;
    case 12: res = c.Options("/api/v1/" + in_url(rest), headers); break;
    default: send_raw(rest); break;
  }
  if (res) {
    if (!*res) finding("no answer: " + httplib::to_string(res->error()));
    if ((*res)->status >= 500) finding("answered " + std::to_string((*res)->status) + ": " + (*res)->body);
  }
  return 0;
}
