#pragma once
// Read access to the other records a rule needs (seats left in a session, an earlier handout
// to the same member). The server's storage and the phone's store implement it; MemoryRecords
// is the plain in-memory one for tests, tools and the demo generator.
#include <functional>
#include <map>
#include <string>
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

class MemoryRecords final : public RecordSource {
 public:
  void put(Record r);
  Record* get_mut(const std::string& kind, const std::string& id);
  const Record* get(const std::string& kind, const std::string& id) const override;
  std::vector<const Record*> find(const std::string& kind, const std::string& field, const std::string& value) const override;
  std::vector<const Record*> all(const std::string& kind) const override;
  std::size_t size() const { return records_.size(); }
  // Every record, deleted ones included, in (kind, id) order.
  const std::map<std::pair<std::string, std::string>, Record>& records() const { return records_; }

 private:
  std::map<std::pair<std::string, std::string>, Record> records_;
};

}  // namespace nx::sync
