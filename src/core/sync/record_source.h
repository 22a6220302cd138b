#pragma once
// Read access to the other records a rule needs (seats left in a session, an earlier handout
// to the same member). The server's storage and the phone's store implement it; MemoryRecords
// is the plain in-memory one for tests, tools and the demo generator.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/sync/record.h"

namespace nx::sync {

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  virtual const Record* get(const std::string& kind, const std::string& id) const = 0;
  // Live (not deleted) records of `kind` whose string `field` equals `value`.
  virtual std::vector<const Record*> find(const std::string& kind, const std::string& field,
                                          const std::string& value) const = 0;
  // Every live record of `kind`.
  virtual std::vector<const Record*> all(const std::string& kind) const = 0;
};

// find() keeps an index per (kind, field) asked about, built on first use and kept current by
// put(): rules look up "registrations of this session" on every op, and a scan per lookup made
// generating a large district (the demo's scale mode) quadratic.
class MemoryRecords final : public RecordSource {
 public:
  MemoryRecords() = default;
  // A copy rebuilds its indexes on demand: copied ones would point into the other's records.
  MemoryRecords(const MemoryRecords& other) : RecordSource(other), records_(other.records_) { touch(); }
  MemoryRecords& operator=(const MemoryRecords& other) {
    records_ = other.records_;
    indexes_.clear();
    touch();
    return *this;
  }
  // Moving keeps the map's nodes, so the indexes' pointers stay right.
  MemoryRecords(MemoryRecords&&) = default;
  MemoryRecords& operator=(MemoryRecords&&) = default;

  // The record as now held.
  const Record& put(Record r);
  // The caller may change the record behind the pointer, so this drops the indexes.
  Record* get_mut(const std::string& kind, const std::string& id);
  // Forgets a record entirely (a change made on a phone and then discarded). Drops the indexes.
  void erase(const std::string& kind, const std::string& id);
  const Record* get(const std::string& kind, const std::string& id) const override;
  std::vector<const Record*> find(const std::string& kind, const std::string& field, const std::string& value) const override;
  std::vector<const Record*> all(const std::string& kind) const override;
  std::size_t size() const { return records_.size(); }
  // Changes whenever a record may have, and is never the same for two stores (a person signing
  // in after another gets a new one): what is computed from the records can be kept until then.
  std::uint64_t revision() const { return revision_; }
  // Every record, deleted ones included, in (kind, id) order.
  const std::map<std::pair<std::string, std::string>, Record>& records() const { return records_; }

 private:
  using Key = std::pair<std::string, std::string>;  // (kind, id)
  // value of the field -> the records of the kind holding it, by id (live or not; find filters).
  // Pointers into records_ stay valid: put() overwrites in place, and erase() drops every index.
  using FieldIndex = std::unordered_map<std::string, std::map<std::string, const Record*>>;
  const FieldIndex& index_for(const std::string& kind, const std::string& field) const;

  std::map<Key, Record> records_;
  mutable std::map<Key, FieldIndex> indexes_;  // (kind, field) -> index
  void touch();
  std::uint64_t revision_ = 0;
};

}  // namespace nx::sync
