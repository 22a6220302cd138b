#include "server/db/migrations.h"

#include <chrono>
#include <span>

namespace nx::server::db {

namespace {

// Plain SQL that SQLite and PostgreSQL read the same way: TEXT, BIGINT, INTEGER 0/1 flags.
constexpr const char* kMigrations[] = {
    // 1: records, the op log, audit, accounts and sessions.
    R"sql(
CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO counters (name, value) VALUES ('seq', 0);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One row per record: the core's stored form in body, plus the columns pull filters on.
CREATE TABLE records (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  deleted INTEGER NOT NULL,
  owner_id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (kind, id));
CREATE UNIQUE INDEX records_by_seq ON records (seq);
CREATE INDEX records_by_owner ON records (owner_id, seq);
CREATE INDEX records_by_unit ON records (unit_id, seq);

-- Short string fields of every record, so the core's rules can find records by a field
-- ("registrations of this session") without reading every record of the kind.
CREATE TABLE record_values (
  kind TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (kind, field, value, id));
CREATE INDEX record_values_by_record ON record_values (kind, id);

-- The outcome of every op id ever received: a replay gets it back and changes nothing.
CREATE TABLE ops (
  op_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  seq BIGINT,
  received_at BIGINT NOT NULL);

-- Every op that changed a record: who, when, from which device, what it said, and the
-- values it replaced.
CREATE TABLE audit (
  seq BIGINT PRIMARY KEY,
  op_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  device_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  status TEXT NOT NULL,
  op TEXT NOT NULL,
  previous TEXT NOT NULL);
CREATE INDEX audit_by_record ON audit (kind, record_id, seq);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  username TEXT UNIQUE,
  phone TEXT UNIQUE,
  name TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL);

-- Bearer tokens, stored only as their SHA-256: a stolen database opens no sessions.
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL);
CREATE INDEX tokens_by_user ON tokens (user_id);

-- Failed logins (and registrations) per account and per address, for rate limits.
CREATE TABLE attempts (
  key TEXT NOT NULL,
  at BIGINT NOT NULL);
CREATE INDEX attempts_by_key ON attempts (key, at);
)sql",
};

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

int schema_version() { return static_cast<int>(std::size(kMigrations)); }

void migrate(Connection& c) {
  Transaction tx(c, TxMode::Write);
  c.lock_for_migration();
  c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
  const Rows rows = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  const int current = rows.empty() ? 0 : static_cast<int>(rows.front().integer(0));
  if (current > schema_version())
    throw StorageError("the database has schema version " + std::to_string(current) + ", newer than this server's " +
                       std::to_string(schema_version()) + ": run the newer server");
  for (int v = current + 1; v <= schema_version(); ++v) {
    c.exec(kMigrations[v - 1]);
    c.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", {std::int64_t{v}, now_ms()});
  }
  tx.commit();
}

}  // namespace nx::server::db
