#pragma once
// The phone's storage: IndexedDB, spoken to directly (not a whole-file IDBFS), one database per
// signed-in person ("nuanxin-user-<id>": another person on the same phone never sees it), with
// object stores for blocks of records (key: a number; value: the records' bytes in the form of
// core/sync/record_block.h, or the forms' JSON text an earlier version wrote), single
// records (key [kind, id]; newer than any block, see app/local_store.h), the outbox (key: the
// change's order) and the store's meta; plus one small shared database for the device id and
// the session.
//
// Everything is asynchronous: calls return at once and the callbacks run later, on the main
// thread. A write is one transaction with durability "strict": its callback says ok only
// after the browser has committed it to disk.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/sync/record.h"

namespace nx::platform::idb {

struct Loaded {
  nlohmann::json meta;                  // null when the database is new
  std::vector<nlohmann::json> outbox;   // stored OutboxEntry forms, in order
  std::vector<sync::Record> records;    // blocks' in key order, then rows' (app::StoredPerson)
  std::size_t entries = 0, rows = 0, blocks = 0, text_blocks = 0;
};

// Opens (creating or migrating) the person's database and reads it in batches: `done` with
// all of it but the blocks its meta lists in later_blocks, then `later` with those blocks'
// records (app::Storage::open_person); `progress(done)` reports records read so far.
void open_user_store(const std::string& user_id, std::function<void(int done)> progress,
                     std::function<void(bool ok, Loaded loaded, const std::string& error)> done,
                     std::function<void(bool ok, std::vector<sync::Record> later)> later);

// Runs one StoreWrite (LocalStore's JSON form, and its block's bytes) as one transaction of
// that person's open store.
void write(const std::string& user_id, const nlohmann::json& store_write, const std::string& block,
           std::function<void(bool ok)> done);

// Deletes a person's store from this phone (they signed out with nothing left to sync).
void forget_user_store(const std::string& user_id);

// The shared key-value store: "device_id", "session".
void kv_get(const std::string& key, std::function<void(nlohmann::json value)> done);
void kv_put(const std::string& key, const nlohmann::json& value, std::function<void(bool ok)> done);

}  // namespace nx::platform::idb
