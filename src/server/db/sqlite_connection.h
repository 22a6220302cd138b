#pragma once
// The embedded default: one SQLite file in WAL mode (readers never wait for the writer; a
// crash loses nothing committed). Statements are prepared once per connection and reused.
#include <filesystem>
#include <map>
#include <memory>

#include "server/db/connection.h"

struct sqlite3;
struct sqlite3_stmt;

namespace nx::server::db {

class SqliteConnection final : public Connection {
 public:
  // Opens (creating if needed) the database file; throws StorageError.
  explicit SqliteConnection(const std::filesystem::path& file);
  ~SqliteConnection() override;

  Backend backend() const override { return Backend::Sqlite; }
  void exec(const std::string& sql) override;
  Rows query(const std::string& sql, const Params& params) override;
  void begin(TxMode mode) override;
  void commit() override;
  void rollback() noexcept override;
  void lock_for_migration() override {}  // BEGIN IMMEDIATE already holds the only write lock
  void lock_key(const std::string&) override {}  // likewise
  bool healthy() override { return db_ != nullptr; }

 private:
  sqlite3_stmt* prepare(const std::string& sql);
  [[noreturn]] void fail(const std::string& what);

  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace nx::server::db
