#pragma once
// The server's command line: nuanxin-server --data DIR --port N [--host H] [--static DIR] [--db URL]
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace nx::server {

struct ServerConfig {
  std::string host = "127.0.0.1";  // loopback unless told otherwise: nothing is exposed by accident
  int port = 8080;
  std::filesystem::path data_dir = "nuanxin-data";
  std::filesystem::path static_dir;  // the built web app; empty serves the API only
  std::string db_url;                // empty: SQLite under data_dir
};

Result<ServerConfig> parse_args(const std::vector<std::string>& args);

std::string usage();

}  // namespace nx::server
