#include "server/db/sqlite_connection.h"

#include <sqlite3.h>

namespace nx::server::db {

SqliteConnection::SqliteConnection(const std::filesystem::path& file) {
  const int rc = sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StorageError("cannot open " + file.string() + ": " + message);
  }
  // Writers queue for up to 5 s (a push batch is milliseconds) before answering "busy".
  sqlite3_busy_timeout(db_, 5000);
  // synchronous=FULL: an acknowledged push survives a power cut, not only a crash.
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [_, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void SqliteConnection::fail(const std::string& what) { throw StorageError(what + ": " + sqlite3_errmsg(db_)); }

void SqliteConnection::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : "failed";
    sqlite3_free(err);
    throw StorageError("sqlite: " + message);
  }
}

sqlite3_stmt* SqliteConnection::prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
    fail("sqlite prepare");
  // Queries with many parameters (a unit subtree) vary in text; don't keep every variant.
  if (statements_.size() < 256) statements_.emplace(sql, stmt);
  return stmt;
}

Rows SqliteConnection::query(const std::string& sql, const Params& params) {
  sqlite3_stmt* stmt = prepare(sql);
  const bool cached = statements_.count(sql) != 0;
  struct Finish {
    sqlite3_stmt* s;
    bool cached;
    ~Finish() {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
      if (!cached) sqlite3_finalize(s);
    }
  } finish{stmt, cached};
  for (std::size_t i = 0; i < params.size(); ++i) {
    // "$1" is a named parameter to SQLite; look its slot up so the order in the text is free.
    const std::string name = "$" + std::to_string(i + 1);
    const int slot = sqlite3_bind_parameter_index(stmt, name.c_str());
    if (slot == 0) continue;
    int rc = SQLITE_OK;
    if (const auto* v = std::get_if<std::int64_t>(&params[i])) rc = sqlite3_bind_int64(stmt, slot, *v);
    else if (const auto* s = std::get_if<std::string>(&params[i]))
      rc = sqlite3_bind_text(stmt, slot, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    else rc = sqlite3_bind_null(stmt, slot);
    if (rc != SQLITE_OK) fail("sqlite bind");
  }
  Rows rows;
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail("sqlite step");
    Row row;
    const int n = sqlite3_column_count(stmt);
    row.cols.reserve(static_cast<std::size_t>(n));
    for (int c = 0; c < n; ++c) {
      if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
        row.cols.emplace_back(std::nullopt);
      } else {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        row.cols.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void SqliteConnection::begin(TxMode mode) {
  // IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading a read.
  exec(mode == TxMode::Read ? "BEGIN" : "BEGIN IMMEDIATE");
}

void SqliteConnection::commit() { exec("COMMIT"); }

void SqliteConnection::rollback() noexcept {
  if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace nx::server::db
