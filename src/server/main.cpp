// nuanxin-server: the REST endpoint that keeps the truth for every phone, and the static app.
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "core/version.h"
#include "server/auth/secrets.h"
#include "server/config.h"
#include "server/db/pool.h"
#include "server/demo_seed.h"
#include "server/http_app.h"
#include "server/user_command.h"

namespace {

// Serves until SIGINT or SIGTERM. They are taken by a thread of their own (sigwait), not by a
// handler: stopping the HTTP server is not async-signal-safe, and httplib ignores a stop that
// comes before listen() has begun (a script that stops the server the moment it prints its
// address would leave it running), so the thread repeats the stop until listen() returns.
bool listen_until_signal(nx::server::HttpApp& app, const sigset_t& signals) {
  std::atomic<bool> done{false};
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    while (!done) {
      app.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  const bool ok = app.listen();
  done = true;
  pthread_kill(stopper.native_handle(), SIGTERM);  // wakes it if no signal came
  stopper.join();
  return ok;
}

int serve(const nx::server::ServerConfig& config) {
  std::unique_ptr<nx::server::db::Pool> db;
  try {
    nx::server::auth::init_crypto();
    db = nx::server::db::open_database(config.db_url, config.data_dir.string());
    if (config.demo) {
      const auto seed = nx::server::seed_demo(*db, config.data_dir, config.demo_members, config.demo_requests);
      std::cout << nx::server::demo_banner(seed, config.data_dir);
    }
  } catch (const std::exception& e) {
    std::cerr << "nuanxin-server: " << e.what() << '\n';
    return 1;
  }
  const std::string db_name(nx::server::db::backend_name(db->backend()));
  // Blocked before the HTTP server starts its threads, so they all leave the signals to the
  // stopper. (During the demo seeding above, Ctrl-C still ends the process at once.)
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  nx::server::HttpApp app(config, std::move(db));
  const int port = app.bind();
  if (port < 0) {
    std::cerr << "nuanxin-server: cannot listen on " << config.host << ':' << config.port
              << " (is another server using the port?)\n";
    return 1;
  }
  std::cout << "nuanxin-server " << nx::app_version() << " listening on http://" << config.host << ':' << port
            << "/  (db: " << db_name << (config.db_url.empty() ? " " + (config.data_dir / "nuanxin.sqlite3").string() : "")
            << ")" << std::endl;
  return listen_until_signal(app, signals) ? 0 : 1;
}
}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << nx::server::usage();
    return 0;
  }
  if (args.size() >= 2 && args[0] == "user" && args[1] == "add") {
    auto cmd = nx::server::parse_user_add({args.begin() + 2, args.end()});
    if (!cmd) {
      std::cerr << "nuanxin-server: " << cmd.error().message_en << "\n\n" << nx::server::usage();
      return 2;
    }
    return nx::server::run_user_add(cmd.value(), std::cout, std::cerr);
  }
  auto config = nx::server::parse_args(args);
  if (!config) {
    std::cerr << "nuanxin-server: " << config.error().message_en << "\n\n" << nx::server::usage();
    return 2;
  }
  return serve(config.value());
}
