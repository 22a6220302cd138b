#pragma once
// One SQL connection, the same to the store whichever database is behind it: SQLite (the
// embedded default) or PostgreSQL (for scale). Both take the same SQL text with $1, $2, ...
// parameters and return rows as text, so the store's queries are written once.
//
// Storage failures are exceptions here, caught once per request (503, "try again"): a broken
// database is not bad input, and threading a Result through every query would bury the logic.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace nx::server::db {

struct StorageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class Backend { Sqlite, Postgres };
std::string_view backend_name(Backend b);

using Param = std::variant<std::nullptr_t, std::int64_t, std::string>;
using Params = std::vector<Param>;

struct Row {
  std::vector<std::optional<std::string>> cols;
  bool is_null(std::size_t i) const { return !cols.at(i).has_value(); }
  const std::string& text(std::size_t i) const;  // "" for NULL
  std::int64_t integer(std::size_t i) const;     // 0 for NULL
};
using Rows = std::vector<Row>;

enum class TxMode {
  Read,       // a consistent snapshot (a pull page and its cursor agree)
  Write,      // a plain write (tokens, login failures)
  Sequenced,  // a write that hands out sequence numbers: such transactions run one at a
              // time across every server on the database, so sequence numbers commit in order
              // and a pull never skips one that commits late (and capacity rules see the truth)
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  // Runs statements that take no parameters and return nothing (DDL, several at once).
  virtual void exec(const std::string& sql) = 0;
  virtual Rows query(const std::string& sql, const Params& params = {}) = 0;
  virtual void begin(TxMode mode) = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  // Serializes schema migrations between servers starting at the same time (inside a transaction).
  virtual void lock_for_migration() = 0;
  // Holds a lock named `key` until the transaction ends, so a check and the write it decides
  // (count the failed logins, then add one) are not interleaved by another server.
  virtual void lock_key(const std::string& key) = 0;
  // False when the connection is broken and must not go back to the pool.
  virtual bool healthy() = 0;
};

// A transaction that rolls back unless committed.
class Transaction {
 public:
  Transaction(Connection& c, TxMode mode) : c_(c) { c_.begin(mode); }
  ~Transaction() {
    if (!done_) c_.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    c_.commit();
    done_ = true;
  }

 private:
  Connection& c_;
  bool done_ = false;
};

}  // namespace nx::server::db
