#include "core/sync/layered_records.h"

#include <algorithm>
#include <iterator>

namespace nx::sync {

const Record& LayeredRecords::put_base(Record r) {
  const Record& held = base_.put(std::move(r));
  noted(held.kind, held.id);
  return held;
}

void LayeredRecords::lay(Record r) {
  const Key key{r.kind, r.id};
  over_.put(std::move(r));
  noted(key.first, key.second);
}

void LayeredRecords::lift(const std::string& kind, const std::string& id) {
  if (!over_.get(kind, id)) return;
  over_.erase(kind, id);
  noted(kind, id);
}

void LayeredRecords::noted(const std::string& kind, const std::string& id) {
  if (journal_from_ == UINT64_MAX) journal_from_ = revision();  // this store's first change
  if (journal_.size() == kJournalSize) {
    journal_from_ = journal_.front().first;
    journal_.pop_front();
  }
  journal_.emplace_back(revision(), Key{kind, id});
}

std::optional<std::vector<LayeredRecords::Key>> LayeredRecords::changed_since(std::uint64_t revision) const {
  if (revision < journal_from_) return std::nullopt;
  // Revisions only grow, so the journal is in their order.
  auto it = std::upper_bound(journal_.begin(), journal_.end(), revision,
                             [](std::uint64_t r, const auto& entry) { return r < entry.first; });
  std::vector<Key> keys;
  for (; it != journal_.end(); ++it) keys.push_back(it->second);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

const Record* LayeredRecords::get(const std::string& kind, const std::string& id) const {
  const Record* mine = over_.get(kind, id);
  return mine ? mine : base_.get(kind, id);
}

bool LayeredRecords::overlays_kind(const std::string& kind) const {
  const auto it = over_.records().lower_bound({kind, ""});
  return it != over_.records().end() && it->first.first == kind;
}

std::vector<const Record*> LayeredRecords::merged(std::vector<const Record*> from_base, const std::string& kind,
                                                  std::vector<const Record*> from_over) const {
  std::erase_if(from_base, [&](const Record* r) { return over_.get(kind, r->id) != nullptr; });
  if (from_over.empty()) return from_base;
  std::vector<const Record*> out;
  out.reserve(from_base.size() + from_over.size());
  std::merge(from_base.begin(), from_base.end(), from_over.begin(), from_over.end(), std::back_inserter(out),
             [](const Record* a, const Record* b) { return a->id < b->id; });
  return out;
}

std::vector<const Record*> LayeredRecords::find(const std::string& kind, const std::string& field,
                                                const std::string& value) const {
  if (!overlays_kind(kind)) return base_.find(kind, field, value);
  return merged(base_.find(kind, field, value), kind, over_.find(kind, field, value));
}

std::vector<const Record*> LayeredRecords::all(const std::string& kind) const {
  if (!overlays_kind(kind)) return base_.all(kind);
  return merged(base_.all(kind), kind, over_.all(kind));
}

std::size_t LayeredRecords::size() const {
  std::size_t only_laid = 0;
  for (const auto& [key, record] : over_.records()) only_laid += base_.get(key.first, key.second) == nullptr;
  return base_.size() + only_laid;
}

}  // namespace nx::sync
