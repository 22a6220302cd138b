#pragma once
// PostgreSQL through libpq, for deployments that outgrow one SQLite file: several servers can
// share one database because nothing lives in a server between requests.
#include <string>

#include "server/db/connection.h"

struct pg_conn;

namespace nx::server::db {

class PgConnection final : public Connection {
 public:
  // Connects to a postgresql:// URL; throws StorageError.
  explicit PgConnection(const std::string& url);
  ~PgConnection() override;

  Backend backend() const override { return Backend::Postgres; }
  void exec(const std::string& sql) override;
  Rows query(const std::string& sql, const Params& params) override;
  void begin(TxMode mode) override;
  void commit() override;
  void rollback() noexcept override;
  void lock_for_migration() override;
  void lock_key(const std::string& key) override;
  bool healthy() override;

 private:
  pg_conn* conn_ = nullptr;
  bool in_tx_ = false;
};

}  // namespace nx::server::db
