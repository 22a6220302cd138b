#pragma once
// The server's command line (DESIGN.md's contract):
//   nuanxin-server --data DIR --port N [--host H] [--db URL] [--demo] [--demo-scale M,R] [--static DIR] [--token-ttl S]
//   nuanxin-server user add --username U --password P --role staff|admin [--unit UNIT] [--name N]
//                           [--provider ID] [--data DIR | --db URL]
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.h"
#include "server/auth/auth_service.h"

namespace nx::server {

struct ServerConfig {
  std::string host = "127.0.0.1";  // loopback unless told otherwise: nothing is exposed by accident
  int port = 8080;
  std::filesystem::path data_dir = "nuanxin-data";
  std::filesystem::path static_dir;  // the built web app; empty serves the API only
  std::string db_url;                // empty: SQLite under data_dir; postgresql://... for PostgreSQL
  bool demo = false;                 // seed the demo district on first start, print its logins
  int demo_members = 0;              // --demo-scale: a district of about this many members...
  int demo_requests = 0;             // ...and service requests (benchmarks); 0: the default district
  bool behind_proxy = false;         // a reverse proxy in front: the client is the last X-Forwarded-For
  std::string allow_origin;          // the app's origin when it is hosted elsewhere (CORS for it alone)
  auth::TokenLifetimes token_lifetimes;
};

struct UserAddCommand {
  std::string username, password, role, unit_id, name, provider_id;
  std::filesystem::path data_dir = "nuanxin-data";
  std::string db_url;
};

Result<ServerConfig> parse_args(const std::vector<std::string>& args);
// `args` after "user add".
Result<UserAddCommand> parse_user_add(const std::vector<std::string>& args);

std::string usage();

}  // namespace nx::server
