#include "server/config.h"

#include <charconv>

namespace nx::server {

namespace {
Error bad_arg(const std::string& field, const std::string& zh, const std::string& en) {
  return Error{"bad_argument", field, zh, en};
}
}  // namespace

std::string usage() {
  return "usage: nuanxin-server [--data DIR] [--port N] [--host ADDR] [--static DIR] [--db URL]\n"
         "  --data DIR    where the SQLite database lives (default: nuanxin-data)\n"
         "  --port N      TCP port, 0 picks a free one (default: 8080)\n"
         "  --host ADDR   address to bind (default: 127.0.0.1; 0.0.0.0 to reach it from a phone)\n"
         "  --static DIR  serve the built web app from DIR\n"
         "  --db URL      database: sqlite (the default, under --data); PostgreSQL comes with issue 4\n";
}

Result<ServerConfig> parse_args(const std::vector<std::string>& args) {
  ServerConfig config;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    auto value = [&]() -> const std::string& { return args[++i]; };
    if ((arg == "--data" || arg == "--port" || arg == "--host" || arg == "--static" || arg == "--db") && !has_value)
      return bad_arg(arg, arg + " 需要一个值", arg + " needs a value");
    if (arg == "--data") {
      config.data_dir = value();
    } else if (arg == "--port") {
      const std::string& v = value();
      int port = -1;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), port);
      if (ec != std::errc() || end != v.data() + v.size() || port < 0 || port > 65535)
        return bad_arg("--port", "端口必须是 0 到 65535 的整数：" + v, "the port must be an integer from 0 to 65535: " + v);
      config.port = port;
    } else if (arg == "--host") {
      config.host = value();
    } else if (arg == "--static") {
      config.static_dir = value();
    } else if (arg == "--db") {
      config.db_url = value();
      if (config.db_url != "sqlite")
        return bad_arg("--db", "暂时只支持 SQLite（PostgreSQL 随同步服务器一起提供）：" + config.db_url,
                       "only SQLite is available yet (PostgreSQL comes with the sync server): " + config.db_url);
    } else {
      return bad_arg(arg, "不认识的参数：" + arg, "unknown argument: " + arg);
    }
  }
  return config;
}

}  // namespace nx::server
