#pragma once
// Connections shared by the HTTP worker threads: a request borrows one, and gives it back when
// done; a connection that broke (the database restarted) is dropped and a new one made.
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "server/db/connection.h"

namespace nx::server::db {

class Pool {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;
  Pool(Backend backend, Factory factory) : backend_(backend), factory_(std::move(factory)) {}

  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<Connection> c) : pool_(pool), c_(std::move(c)) {}
    ~Lease() { pool_.give_back(std::move(c_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection& operator*() { return *c_; }
    Connection* operator->() { return c_.get(); }

   private:
    Pool& pool_;
    std::unique_ptr<Connection> c_;
  };

  // Throws StorageError when no connection can be made.
  Lease acquire();
  Backend backend() const { return backend_; }

 private:
  void give_back(std::unique_ptr<Connection> c);

  Backend backend_;
  Factory factory_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// SQLite under `data_dir` when `db_url` is empty or "sqlite", PostgreSQL for a postgres(ql)://
// URL. Creates the database on first use and brings its schema up to date. Throws StorageError.
std::unique_ptr<Pool> open_database(const std::string& db_url, const std::string& data_dir);

}  // namespace nx::server::db
