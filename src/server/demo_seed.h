#pragma once
// --demo: the core's demo district (units, stations, members, requests, events ...) written
// into an empty database once, with staff and worker accounts to try it. Their passwords and
// PINs are random, kept in DATA_DIR/demo-logins.json (readable by the owner only) so a restart
// prints the same ones; if that file is gone, the demo accounts get new ones.
#include <filesystem>
#include <string>
#include <vector>

#include "server/db/pool.h"

namespace nx::server {

struct DemoLogin {
  std::string role;    // worker | staff | admin
  std::string login;   // username, or the worker's phone
  std::string secret;  // password or PIN
  std::string name;
  std::string note;
};

struct DemoSeed {
  bool seeded_now = false;
  std::string summary;  // records per kind
  std::vector<DemoLogin> logins;
};

// Throws db::StorageError, or std::runtime_error if the generator fails.
// `members` and `requests` above 0 make the scale district of the benchmarks instead.
DemoSeed seed_demo(db::Pool& pool, const std::filesystem::path& data_dir, int members = 0, int requests = 0);

std::string demo_banner(const DemoSeed& seed, const std::filesystem::path& data_dir);

}  // namespace nx::server
