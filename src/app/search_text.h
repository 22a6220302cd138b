#pragma once
// Search as one types (待办, 核验): each record's text prepared once, when the records change,
// so that a character typed costs one pass over prepared text and reads no record again. Text
// and search are folded alike (fold_text: full-width forms, case, spaces), and letters also
// find a name by its pinyin initials (wj: 王军).
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/sync/record.h"

namespace nx::app {

struct SearchText {
  std::string folded;                        // the fields, each folded, with a break between
  std::vector<std::uint32_t> name_initials;  // of the "name" field (core/pinyin.h)
};

SearchText search_text(const sync::Record& r, std::initializer_list<const char*> fields);

class SearchQuery {
 public:
  explicit SearchQuery(std::string_view typed);
  // Nothing to search for (nothing typed, or only spaces): everything matches.
  bool empty() const { return folded_.empty(); }
  bool matches(const SearchText& text) const;

 private:
  std::string folded_;
  bool initials_ = false;
};

}  // namespace nx::app
