#pragma once
// What a phone shows: the records as the server last sent them (the base), with the phone's
// own versions of the few records that have changes still waiting laid over them. Holding
// only that overlay, not a second copy of every record, halves the memory of a district's
// store (issue 18: 220,000 records on a staff phone).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/sync/record_source.h"

namespace nx::sync {

class LayeredRecords final : public RecordSource {
 public:
  // The base, as the server has it.
  const MemoryRecords& base() const { return base_; }
  void put_base(Record r) { base_.put(std::move(r)); }
  // Shows `r` in place of the base's record of the same (kind, id), or beside the base when
  // it has none.
  void lay(Record r) { over_.put(std::move(r)); }
  // Shows the base's record again, or none when the base has none.
  void lift(const std::string& kind, const std::string& id);

  const Record* get(const std::string& kind, const std::string& id) const override;
  std::vector<const Record*> find(const std::string& kind, const std::string& field, const std::string& value) const override;
  std::vector<const Record*> all(const std::string& kind) const override;
  // Every record shown, deleted ones included.
  std::size_t size() const;
  // Changes whenever what is shown may have (both layers draw from one increasing sequence).
  std::uint64_t revision() const { return std::max(base_.revision(), over_.revision()); }

 private:
  // The base's answer with the overlaid records taken out and the overlay's own answer merged
  // in, by id as the base gives it.
  std::vector<const Record*> merged(std::vector<const Record*> from_base, const std::string& kind,
                                    std::vector<const Record*> from_over) const;
  bool overlays_kind(const std::string& kind) const;

  MemoryRecords base_;
  MemoryRecords over_;
};

}  // namespace nx::sync
