#include "core/sync/record_source.h"

namespace nx::sync {

void MemoryRecords::put(Record r) {
  auto key = std::make_pair(r.kind, r.id);
  auto old = records_.find(key);
  for (auto it = indexes_.lower_bound({r.kind, ""}); it != indexes_.end() && it->first.first == r.kind; ++it) {
    const std::string& field = it->first.second;
    if (old != records_.end()) {
      auto entry = it->second.find(old->second.str(field));
      if (entry != it->second.end()) entry->second.erase(r.id);
    }
    it->second[r.str(field)].insert(r.id);
  }
  records_[std::move(key)] = std::move(r);
}

Record* MemoryRecords::get_mut(const std::string& kind, const std::string& id) {
  auto it = records_.find({kind, id});
  if (it == records_.end()) return nullptr;
  indexes_.clear();
  return &it->second;
}

const Record* MemoryRecords::get(const std::string& kind, const std::string& id) const {
  auto it = records_.find({kind, id});
  return it == records_.end() ? nullptr : &it->second;
}

const MemoryRecords::FieldIndex& MemoryRecords::index_for(const std::string& kind, const std::string& field) const {
  auto [it, made] = indexes_.try_emplace({kind, field});
  if (made)
    for (auto r = records_.lower_bound({kind, ""}); r != records_.end() && r->first.first == kind; ++r)
      it->second[r->second.str(field)].insert(r->first.second);
  return it->second;
}

std::vector<const Record*> MemoryRecords::find(const std::string& kind, const std::string& field,
                                               const std::string& value) const {
  std::vector<const Record*> out;
  const FieldIndex& index = index_for(kind, field);
  auto entry = index.find(value);
  if (entry == index.end()) return out;
  // The ids are in order, so the result is in (kind, id) order as a scan would give it.
  for (const std::string& id : entry->second) {
    const Record* r = get(kind, id);
    if (r && !r->deleted && r->str(field) == value) out.push_back(r);
  }
  return out;
}

std::vector<const Record*> MemoryRecords::all(const std::string& kind) const {
  std::vector<const Record*> out;
  for (auto it = records_.lower_bound({kind, ""}); it != records_.end() && it->first.first == kind; ++it)
    if (!it->second.deleted) out.push_back(&it->second);
  return out;
}

}  // namespace nx::sync
