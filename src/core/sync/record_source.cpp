#include "core/sync/record_source.h"

#include <atomic>

namespace nx::sync {

namespace {
std::atomic<std::uint64_t> g_last_revision{0};  // one sequence for every store
}  // namespace

void MemoryRecords::touch() { revision_ = g_last_revision.fetch_add(1, std::memory_order_relaxed) + 1; }

const Record& MemoryRecords::put(Record r) {
  touch();
  Key key{r.kind, r.id};
  // One walk down the tree, not a find and then an insert: a district's store puts 220,000.
  auto it = records_.lower_bound(key);
  const bool held = it != records_.end() && it->first == key;
  const auto first_index = indexes_.lower_bound({r.kind, ""});
  const auto of_kind = [&](auto i) { return i != indexes_.end() && i->first.first == it->first.first; };
  if (held) {
    for (auto i = first_index; of_kind(i); ++i)
      if (auto entry = i->second.find(it->second.str(i->first.second)); entry != i->second.end()) entry->second.erase(it->first.second);
    it->second = std::move(r);
  } else {
    it = records_.emplace_hint(it, std::move(key), std::move(r));
  }
  for (auto i = first_index; of_kind(i); ++i) i->second[it->second.str(i->first.second)][it->first.second] = &it->second;
  return it->second;
}

Record* MemoryRecords::get_mut(const std::string& kind, const std::string& id) {
  auto it = records_.find({kind, id});
  if (it == records_.end()) return nullptr;
  touch();
  indexes_.clear();
  return &it->second;
}

void MemoryRecords::erase(const std::string& kind, const std::string& id) {
  touch();
  if (records_.erase({kind, id})) indexes_.clear();
}

const Record* MemoryRecords::get(const std::string& kind, const std::string& id) const {
  auto it = records_.find({kind, id});
  return it == records_.end() ? nullptr : &it->second;
}

const MemoryRecords::FieldIndex& MemoryRecords::index_for(const std::string& kind, const std::string& field) const {
  auto [it, made] = indexes_.try_emplace({kind, field});
  if (made)
    for (auto r = records_.lower_bound({kind, ""}); r != records_.end() && r->first.first == kind; ++r)
      it->second[r->second.str(field)][r->first.second] = &r->second;
  return it->second;
}

std::vector<const Record*> MemoryRecords::find(const std::string& kind, const std::string& field,
                                               const std::string& value) const {
  std::vector<const Record*> out;
  const FieldIndex& index = index_for(kind, field);
  auto entry = index.find(value);
  if (entry == index.end()) return out;
  // By id, so the result is in (kind, id) order as a scan would give it.
  for (const auto& held : entry->second)
    if (!held.second->deleted) out.push_back(held.second);
  return out;
}

std::vector<const Record*> MemoryRecords::all(const std::string& kind) const {
  std::vector<const Record*> out;
  for (auto it = records_.lower_bound({kind, ""}); it != records_.end() && it->first.first == kind; ++it)
    if (!it->second.deleted) out.push_back(&it->second);
  return out;
}

}  // namespace nx::sync
