#include "core/sync/stamps.h"

#include <algorithm>

namespace nx::sync {

std::vector<std::pair<std::string, Stamps::Index>>::iterator Stamps::lower(std::string_view field) {
  return std::lower_bound(fields_.begin(), fields_.end(), field,
                          [](const auto& entry, std::string_view name) { return entry.first < name; });
}

const Hlc* Stamps::find(std::string_view field) const {
  auto it = const_cast<Stamps*>(this)->lower(field);
  return it != fields_.end() && it->first == field ? &distinct_[it->second] : nullptr;
}

Stamps::Index Stamps::index_of(const Hlc& stamp) {
  // The newest stamp is the likeliest match: an op stamps all the fields it writes alike.
  for (std::size_t i = distinct_.size(); i-- > 0;)
    if (distinct_[i] == stamp) return static_cast<Index>(i);
  distinct_.push_back(stamp);
  return static_cast<Index>(distinct_.size() - 1);
}

void Stamps::set(std::string_view field, const Hlc& stamp) {
  auto it = lower(field);
  if (it != fields_.end() && it->first == field) {
    const Index was = it->second;
    if (distinct_[was] == stamp) return;
    it->second = index_of(stamp);
    forget_if_unused(was);
    return;
  }
  const Index now = index_of(stamp);
  fields_.insert(lower(field), {std::string(field), now});
}

void Stamps::erase(std::string_view field) {
  auto it = lower(field);
  if (it == fields_.end() || it->first != field) return;
  const Index was = it->second;
  fields_.erase(it);
  forget_if_unused(was);
}

void Stamps::clear() {
  fields_.clear();
  distinct_.clear();
}

void Stamps::forget_if_unused(Index i) {
  for (const auto& entry : fields_)
    if (entry.second == i) return;
  distinct_.erase(distinct_.begin() + i);
  for (auto& entry : fields_)
    if (entry.second > i) --entry.second;
}

bool operator==(const Stamps& a, const Stamps& b) {
  if (a.fields_.size() != b.fields_.size()) return false;
  for (std::size_t i = 0; i < a.fields_.size(); ++i)
    if (a.fields_[i].first != b.fields_[i].first || a.distinct_[a.fields_[i].second] != b.distinct_[b.fields_[i].second])
      return false;
  return true;
}

}  // namespace nx::sync
