#include "server/sqlite_db.h"

#include <sqlite3.h>

#include <system_error>

namespace nx::server {

namespace {
Error storage_error(const std::string& what) {
  return Error{"storage_unavailable", "", "无法打开数据库：" + what, "Cannot open the database: " + what};
}
}  // namespace

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return storage_error(data_dir.string() + ": " + ec.message());
  const auto path = data_dir / "nuanxin.sqlite3";
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return storage_error(path.string() + ": " + message);
  }
  sqlite3_busy_timeout(db, 5000);
  // WAL: readers never wait for the writer, and a crash mid-write loses nothing committed.
  char* err = nullptr;
  if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                   nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : "pragma failed";
    sqlite3_free(err);
    sqlite3_close(db);
    return storage_error(path.string() + ": " + message);
  }
  return std::unique_ptr<SqliteDb>(new SqliteDb(db, path));
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

bool SqliteDb::ping() {
  std::lock_guard lock(mutex_);
  return sqlite3_exec(db_, "SELECT 1", nullptr, nullptr, nullptr) == SQLITE_OK;
}

}  // namespace nx::server
