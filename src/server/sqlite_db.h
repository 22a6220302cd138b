#pragma once
// The embedded default store: one SQLite file in WAL mode under the data directory, created
// on first start. (The record store and its migrations arrive with the sync server, issue 4.)
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "core/result.h"

struct sqlite3;

namespace nx::server {

class SqliteDb {
 public:
  // Opens (creating if needed) DATA_DIR/nuanxin.sqlite3; the folder is created too.
  static Result<std::unique_ptr<SqliteDb>> open(const std::filesystem::path& data_dir);
  ~SqliteDb();

  // True if the database answers a query right now.
  bool ping();
  const std::filesystem::path& path() const { return path_; }

 private:
  SqliteDb(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::filesystem::path path_;
  std::mutex mutex_;
};

}  // namespace nx::server
