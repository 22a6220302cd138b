#include "server/config.h"

#include <charconv>
#include <functional>
#include <map>

namespace nx::server {

namespace {
Error bad_arg(const std::string& field, Msg msg, const std::vector<Param>& params = {}) {
  return catalog_error("bad_argument", field, msg, params);
}

bool is_db_url(const std::string& url) {
  return url == "sqlite" || url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::optional<std::int64_t> parse_int(const std::string& v, std::int64_t min, std::int64_t max) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < min || n > max) return std::nullopt;
  return n;
}

// Every option takes a value except the flags listed; each setter may refuse its value.
using Setter = std::function<std::optional<Error>(const std::string&)>;

Status parse_options(const std::vector<std::string>& args, const std::map<std::string, Setter>& options,
                     const std::map<std::string, std::function<void()>>& flags = {}) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (auto f = flags.find(arg); f != flags.end()) {
      f->second();
      continue;
    }
    auto o = options.find(arg);
    if (o == options.end()) return bad_arg(arg, Msg::ArgUnknown, {arg});
    if (i + 1 >= args.size()) return bad_arg(arg, Msg::ArgNeedsValue, {arg});
    if (auto e = o->second(args[++i])) return *e;
  }
  return ok_status();
}

std::optional<Error> db_setter(std::string& target, const std::string& v) {
  if (!is_db_url(v))
    return bad_arg("--db", Msg::ArgDatabase, {v});
  target = v == "sqlite" ? "" : v;
  return std::nullopt;
}
}  // namespace

std::string usage() {
  return "usage: nuanxin-server [--data DIR] [--port N] [--host ADDR] [--db URL] [--demo] [--demo-scale M,R] [--static DIR]\n"
         "                     [--token-ttl S] [--behind-proxy] [--allow-origin ORIGIN]\n"
         "       nuanxin-server user add --username U --password P --role staff|admin [--unit UNIT_ID] [--name NAME]\n"
         "                               [--provider PROVIDER_ID] [--data DIR | --db URL]\n"
         "  --data DIR      where the SQLite database lives (default: nuanxin-data)\n"
         "  --port N        TCP port, 0 picks a free one (default: 8080)\n"
         "  --host ADDR     address to bind (default: 127.0.0.1; 0.0.0.0 to reach it from a phone)\n"
         "  --db URL        sqlite (the default, under --data) or postgresql://user@host:port/dbname\n"
         "  --demo          seed a demo district on first start and print its logins\n"
         "  --demo-scale M,R  with --demo: a district of about M members and R service requests (benchmarks)\n"
         "  --static DIR    serve the built web app from DIR\n"
         "  --token-ttl S   sessions expire after S seconds (default: 30 days for workers, 7 for staff)\n"
         "  --behind-proxy  a reverse proxy in front: rate limits use the address it appends to X-Forwarded-For\n"
         "  --allow-origin ORIGIN  the app is hosted at ORIGIN (another host): allow it to call the API (CORS)\n";
}

Result<ServerConfig> parse_args(const std::vector<std::string>& args) {
  ServerConfig c;
  const std::map<std::string, Setter> options = {
      {"--data", [&](const std::string& v) { c.data_dir = v; return std::optional<Error>(); }},
      {"--host", [&](const std::string& v) { c.host = v; return std::optional<Error>(); }},
      {"--static", [&](const std::string& v) { c.static_dir = v; return std::optional<Error>(); }},
      {"--allow-origin",
       [&](const std::string& v) -> std::optional<Error> {
         const bool scheme = v.rfind("https://", 0) == 0 || v.rfind("http://", 0) == 0;
         if (!scheme || v.back() == '/' || v.find('/', v.find("//") + 2) != std::string::npos)
           return bad_arg("--allow-origin", Msg::ArgOrigin, {v});
         c.allow_origin = v;
         return std::nullopt;
       }},
      {"--db", [&](const std::string& v) { return db_setter(c.db_url, v); }},
      {"--port",
       [&](const std::string& v) -> std::optional<Error> {
         auto port = parse_int(v, 0, 65535);
         if (!port) return bad_arg("--port", Msg::ArgPort, {v});
         c.port = static_cast<int>(*port);
         return std::nullopt;
       }},
      {"--demo-scale",
       [&](const std::string& v) -> std::optional<Error> {
         const auto comma = v.find(',');
         auto members = parse_int(v.substr(0, comma), 1, 10'000'000);
         auto requests = comma == std::string::npos ? std::nullopt : parse_int(v.substr(comma + 1), 0, 100'000'000);
         if (!members || !requests)
           return bad_arg("--demo-scale", Msg::ArgDemoScale, {v});
         c.demo_members = static_cast<int>(*members);
         c.demo_requests = static_cast<int>(*requests);
         return std::nullopt;
       }},
      {"--token-ttl",
       [&](const std::string& v) -> std::optional<Error> {
         auto s = parse_int(v, 1, 365LL * 24 * 3600);
         if (!s) return bad_arg("--token-ttl", Msg::ArgTokenTtl, {v});
         c.token_lifetimes.worker_ms = c.token_lifetimes.staff_ms = *s * 1000;
         return std::nullopt;
       }},
  };
  if (Status s = parse_options(args, options, {{"--demo", [&] { c.demo = true; }}, {"--behind-proxy", [&] { c.behind_proxy = true; }}});
      !s)
    return s.error();
  return c;
}

Result<UserAddCommand> parse_user_add(const std::vector<std::string>& args) {
  UserAddCommand u;
  auto text = [](std::string& target) {
    return [&target](const std::string& v) {
      target = v;
      return std::optional<Error>();
    };
  };
  const std::map<std::string, Setter> options = {
      {"--username", text(u.username)}, {"--password", text(u.password)}, {"--role", text(u.role)},
      {"--unit", text(u.unit_id)},      {"--name", text(u.name)},         {"--provider", text(u.provider_id)},
      {"--data", [&](const std::string& v) { u.data_dir = v; return std::optional<Error>(); }},
      {"--db", [&](const std::string& v) { return db_setter(u.db_url, v); }},
  };
  if (Status s = parse_options(args, options); !s) return s.error();
  for (const auto& [field, value] : {std::pair{"--username", &u.username}, {"--password", &u.password}, {"--role", &u.role}})
    if (value->empty()) return bad_arg(field, Msg::ArgRequired, {field});
  if (u.role != "staff" && u.role != "admin")
    return bad_arg("--role", Msg::ArgRole, {u.role});
  if (u.role == "staff" && u.unit_id.empty())
    return bad_arg("--unit", Msg::ArgStaffUnit);
  return u;
}

}  // namespace nx::server
