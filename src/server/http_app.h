#pragma once
// The HTTP face of the server: /api/v1 and the static app, with the headers every response
// carries. One HttpApp per process; it keeps no per-client state between requests.
#include <memory>

#include "server/config.h"
#include "server/sqlite_db.h"
#include "server/static_files.h"

namespace httplib {
class Server;
}

namespace nx::server {

class HttpApp {
 public:
  HttpApp(ServerConfig config, std::unique_ptr<SqliteDb> db);
  ~HttpApp();

  // Binds config.host:config.port; returns the port bound (useful with --port 0) or -1.
  int bind();
  // Serves until stop(); returns false if the server could not run.
  bool listen();
  void stop();

 private:
  void add_api_routes();
  void add_static_routes();

  ServerConfig config_;
  std::unique_ptr<SqliteDb> db_;
  std::unique_ptr<StaticFiles> static_files_;
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace nx::server
