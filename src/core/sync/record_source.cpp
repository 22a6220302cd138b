#include "core/sync/record_source.h"

namespace nx::sync {

void MemoryRecords::put(Record r) {
  auto key = std::make_pair(r.kind, r.id);
  records_[std::move(key)] = std::move(r);
}

Record* MemoryRecords::get_mut(const std::string& kind, const std::string& id) {
  auto it = records_.find({kind, id});
  return it == records_.end() ? nullptr : &it->second;
}

const Record* MemoryRecords::get(const std::string& kind, const std::string& id) const {
  auto it = records_.find({kind, id});
  return it == records_.end() ? nullptr : &it->second;
}

std::vector<const Record*> MemoryRecords::find(const std::string& kind, const std::string& field,
                                               const std::string& value) const {
  std::vector<const Record*> out;
  for (auto it = records_.lower_bound({kind, ""}); it != records_.end() && it->first.first == kind; ++it)
    if (!it->second.deleted && it->second.str(field) == value) out.push_back(&it->second);
  return out;
}

std::vector<const Record*> MemoryRecords::all(const std::string& kind) const {
  std::vector<const Record*> out;
  for (auto it = records_.lower_bound({kind, ""}); it != records_.end() && it->first.first == kind; ++it)
    if (!it->second.deleted) out.push_back(&it->second);
  return out;
}

}  // namespace nx::sync
