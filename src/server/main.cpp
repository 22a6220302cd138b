// nuanxin-server: the REST endpoint that keeps the truth for every phone, and the static app.
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "core/version.h"
#include "server/config.h"
#include "server/http_app.h"
#include "server/sqlite_db.h"

namespace {
nx::server::HttpApp* g_app = nullptr;
void on_signal(int) {
  if (g_app) g_app->stop();
}
}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << nx::server::usage();
    return 0;
  }
  auto config = nx::server::parse_args(args);
  if (!config) {
    std::cerr << "nuanxin-server: " << config.error().message_en << "\n\n" << nx::server::usage();
    return 2;
  }
  auto db = nx::server::SqliteDb::open(config.value().data_dir);
  if (!db) {
    std::cerr << "nuanxin-server: " << db.error().message_en << '\n';
    return 1;
  }
  const std::string db_path = db.value()->path().string();
  nx::server::HttpApp app(config.value(), std::move(db).value());
  const int port = app.bind();
  if (port < 0) {
    std::cerr << "nuanxin-server: cannot listen on " << config.value().host << ':' << config.value().port
              << " (is another server using the port?)\n";
    return 1;
  }
  g_app = &app;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::cout << "nuanxin-server " << nx::app_version() << " listening on http://" << config.value().host << ':'
            << port << "/  (db: sqlite " << db_path << ")" << std::endl;
  return app.listen() ? 0 : 1;
}
