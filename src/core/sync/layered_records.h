#pragma once
// What a phone shows: the records as the server last sent them (the base), with the phone's
// own versions of the few records that have changes still waiting laid over them. Holding
// only that overlay, not a second copy of every record, halves the memory of a district's
// store (issue 18: 220,000 records on a staff phone).
#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/sync/record_source.h"

namespace nx::sync {

class LayeredRecords final : public RecordSource {
 public:
  // The base, as the server has it.
  const MemoryRecords& base() const { return base_; }
  // The record as the base now holds it.
  const Record& put_base(Record r);
  // Shows `r` in place of the base's record of the same (kind, id), or beside the base when
  // it has none.
  void lay(Record r);
  // Shows the base's record again, or none when the base has none.
  void lift(const std::string& kind, const std::string& id);

  const Record* get(const std::string& kind, const std::string& id) const override;
  std::vector<const Record*> find(const std::string& kind, const std::string& field, const std::string& value) const override;
  std::vector<const Record*> all(const std::string& kind) const override;
  // Every record shown, deleted ones included.
  std::size_t size() const;
  // Changes whenever what is shown may have (both layers draw from one increasing sequence).
  std::uint64_t revision() const { return std::max(base_.revision(), over_.revision()); }

  using Key = std::pair<std::string, std::string>;  // (kind, id)
  // The records that may show differently than they did at `revision` (once each), so that
  // what was worked out from them can be brought up to date rather than worked out again;
  // none when this no longer knows them all (more than kJournalSize changes since). Pointers
  // to the other records stay as they were: a record is only ever replaced in place.
  std::optional<std::vector<Key>> changed_since(std::uint64_t revision) const;
  static constexpr std::size_t kJournalSize = 4096;

 private:
  // The base's answer with the overlaid records taken out and the overlay's own answer merged
  // in, by id as the base gives it.
  std::vector<const Record*> merged(std::vector<const Record*> from_base, const std::string& kind,
                                    std::vector<const Record*> from_over) const;
  bool overlays_kind(const std::string& kind) const;

  void noted(const std::string& kind, const std::string& id);

  MemoryRecords base_;
  MemoryRecords over_;
  std::deque<std::pair<std::uint64_t, Key>> journal_;  // (revision after, record), oldest first
  // Every change after this revision is in the journal. Until the first change, nothing is
  // known: an answer must never span two stores (revisions come from one sequence for all).
  std::uint64_t journal_from_ = UINT64_MAX;
};

}  // namespace nx::sync
