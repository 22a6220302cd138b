#include "server/db/pool.h"

#include <filesystem>

#include "server/db/migrations.h"
#include "server/db/pg_connection.h"
#include "server/db/sqlite_connection.h"

namespace nx::server::db {

Pool::Lease Pool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(c));
    }
  }
  return Lease(*this, factory_());
}

void Pool::give_back(std::unique_ptr<Connection> c) {
  if (!c) return;
  c->rollback();  // a request that threw mid-transaction leaves nothing open
  if (!c->healthy()) return;
  std::lock_guard lock(mutex_);
  if (idle_.size() < 16) idle_.push_back(std::move(c));
}

std::unique_ptr<Pool> open_database(const std::string& db_url, const std::string& data_dir) {
  std::unique_ptr<Pool> pool;
  if (db_url.rfind("postgresql://", 0) == 0 || db_url.rfind("postgres://", 0) == 0) {
    pool = std::make_unique<Pool>(Backend::Postgres, [db_url] { return std::make_unique<PgConnection>(db_url); });
  } else {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec) throw StorageError("cannot create the data folder " + data_dir + ": " + ec.message());
    const std::filesystem::path file = std::filesystem::path(data_dir) / "nuanxin.sqlite3";
    pool = std::make_unique<Pool>(Backend::Sqlite, [file] { return std::make_unique<SqliteConnection>(file); });
  }
  auto lease = pool->acquire();
  migrate(*lease);
  return pool;
}

}  // namespace nx::server::db
