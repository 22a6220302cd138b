#pragma once
// The records table through the core's RecordSource, inside one transaction: the core's rules
// (seats left, an earlier handout) read the database as this transaction sees it, including
// what it wrote a moment ago.
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/access.h"
#include "core/sync/record_source.h"
#include "server/db/connection.h"

namespace nx::server::store {

class StoredRecords final : public sync::RecordSource {
 public:
  explicit StoredRecords(db::Connection& c) : c_(c) {}

  const sync::Record* get(const std::string& kind, const std::string& id) const override;
  std::vector<const sync::Record*> find(const std::string& kind, const std::string& field,
                                        const std::string& value) const override;
  std::vector<const sync::Record*> all(const std::string& kind) const override;

  // Every record (of any kind, deleted ones too) whose unit_id is `unit_id`.
  std::vector<const sync::Record*> with_unit(const std::string& unit_id) const;

  // Writes `record` under the next sequence number (in a Sequenced transaction); returns it.
  std::int64_t save(sync::Record record);
  // Writes records none of which is stored yet, in their order, under the next sequence
  // numbers, many rows a statement (the demo district). The cache does not keep them.
  void insert_new(const std::vector<const sync::Record*>& records);

  // The union's unit tree as stored now.
  UnitTree unit_tree() const;

 private:
  const sync::Record* remember(const db::Row& row) const;  // row: seq, body

  db::Connection& c_;
  // Pointers handed out stay valid for the transaction: map nodes never move.
  mutable std::map<std::pair<std::string, std::string>, std::optional<sync::Record>> cache_;
};

// Hands out the next sequence number (Sequenced transactions only).
std::int64_t next_seq(db::Connection& c);
// The last sequence number handed out and committed, as this transaction sees it.
std::int64_t current_seq(db::Connection& c);

// Decodes a stored body; a corrupt row is a storage error, never a crash.
sync::Record decode_body(const std::string& body, std::int64_t seq);

}  // namespace nx::server::store
