#include "server/db/pg_connection.h"

#include <libpq-fe.h>

#include <memory>

namespace nx::server::db {

namespace {
struct ResultFree {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultFree>;

std::string first_line(const char* message) {
  std::string m = message ? message : "unknown error";
  if (auto nl = m.find('\n'); nl != std::string::npos) m.resize(nl);
  return m;
}
}  // namespace

PgConnection::PgConnection(const std::string& url) {
  conn_ = PQconnectdb(url.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string message = first_line(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw StorageError("cannot connect to PostgreSQL: " + message);
  }
  // Quiet NOTICEs ("relation already exists, skipping") would otherwise go to stderr.
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  try {
    exec("SET client_encoding = 'UTF8'; SET statement_timeout = '30s'");
  } catch (...) {
    PQfinish(conn_);  // the destructor does not run for a constructor that throws
    conn_ = nullptr;
    throw;
  }
}

PgConnection::~PgConnection() {
  if (conn_) PQfinish(conn_);
}

void PgConnection::exec(const std::string& sql) {
  PgResult r(PQexec(conn_, sql.c_str()));
  const auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw StorageError("postgresql: " + first_line(PQerrorMessage(conn_)));
}

Rows PgConnection::query(const std::string& sql, const Params& params) {
  std::vector<std::string> text(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (const auto* v = std::get_if<std::int64_t>(&params[i])) text[i] = std::to_string(*v);
    else if (const auto* s = std::get_if<std::string>(&params[i])) text[i] = *s;
    else continue;  // NULL
    values[i] = text[i].c_str();
  }
  PgResult r(PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr, nullptr, 0));
  const auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw StorageError("postgresql: " + first_line(PQerrorMessage(conn_)));
  Rows rows;
  const int n = PQntuples(r.get());
  const int cols = PQnfields(r.get());
  rows.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Row row;
    row.cols.reserve(static_cast<std::size_t>(cols));
    for (int c = 0; c < cols; ++c) {
      if (PQgetisnull(r.get(), i, c)) row.cols.emplace_back(std::nullopt);
      else row.cols.emplace_back(std::string(PQgetvalue(r.get(), i, c), static_cast<std::size_t>(PQgetlength(r.get(), i, c))));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void PgConnection::begin(TxMode mode) {
  switch (mode) {
    case TxMode::Read: exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); break;
    case TxMode::Write: exec("BEGIN"); break;
    case TxMode::Sequenced:
      // The counter row's lock is held to commit: the next sequenced writer on any server
      // waits here, and then (read committed) sees everything the previous one wrote.
      exec("BEGIN; SELECT value FROM counters WHERE name = 'seq' FOR UPDATE");
      break;
  }
  in_tx_ = true;
}

void PgConnection::commit() {
  in_tx_ = false;
  exec("COMMIT");
}

void PgConnection::rollback() noexcept {
  if (!in_tx_ || !conn_) return;
  in_tx_ = false;
  PgResult r(PQexec(conn_, "ROLLBACK"));
}

void PgConnection::lock_for_migration() { exec("SELECT pg_advisory_xact_lock(20260701)"); }

void PgConnection::lock_key(const std::string& key) { query("SELECT pg_advisory_xact_lock(hashtext($1))", {key}); }

bool PgConnection::healthy() {
  if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE) return true;
  return false;
}

}  // namespace nx::server::db
