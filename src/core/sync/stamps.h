#pragma once
// The stamp of each field's last write, as a record carries them. An op mostly writes a record
// whole, so its fields share one or two stamps: each distinct stamp is held once and a field
// names it by index. A map of field to stamp cost a tree node and a copy of the device per
// field, a third of a district store's memory (issue 18: 220,000 records on a staff phone).
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/sync/hlc.h"

namespace nx::sync {

class Stamps {
 public:
  Stamps() = default;
  Stamps(std::initializer_list<std::pair<std::string_view, Hlc>> stamps) {
    for (const auto& [field, stamp] : stamps) set(field, stamp);
  }

  // The stamp of `field`'s last write; none when the field was never stamped.
  const Hlc* find(std::string_view field) const;
  bool contains(std::string_view field) const { return find(field) != nullptr; }
  void set(std::string_view field, const Hlc& stamp);
  void erase(std::string_view field);
  void clear();
  // Room for `fields` stamps, so that a record read from storage holds no spare capacity.
  void reserve(std::size_t fields) { fields_.reserve(fields); }
  std::size_t size() const { return fields_.size(); }
  bool empty() const { return fields_.empty(); }
  // How many different stamps the fields share.
  std::size_t distinct() const { return distinct_.size(); }

  // Fields in name order, each as (name, stamp).
  class const_iterator {
   public:
    using value_type = std::pair<const std::string&, const Hlc&>;
    const_iterator(const Stamps* owner, std::size_t at) : owner_(owner), at_(at) {}
    value_type operator*() const {
      const auto& [name, stamp] = owner_->fields_[at_];
      return {name, owner_->distinct_[stamp]};
    }
    const_iterator& operator++() { return ++at_, *this; }
    bool operator==(const const_iterator& o) const { return at_ == o.at_; }
    bool operator!=(const const_iterator& o) const { return at_ != o.at_; }

   private:
    const Stamps* owner_;
    std::size_t at_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, fields_.size()}; }

  // The same stamp for every field, however the stamps are shared.
  friend bool operator==(const Stamps& a, const Stamps& b);
  friend bool operator!=(const Stamps& a, const Stamps& b) { return !(a == b); }

 private:
  using Index = std::uint32_t;
  std::vector<std::pair<std::string, Index>>::iterator lower(std::string_view field);
  Index index_of(const Hlc& stamp);
  // Drops distinct_[i] when no field names it any more.
  void forget_if_unused(Index i);

  std::vector<std::pair<std::string, Index>> fields_;  // by name; the index into distinct_
  std::vector<Hlc> distinct_;                          // each stamp once, every one in use
};

}  // namespace nx::sync
