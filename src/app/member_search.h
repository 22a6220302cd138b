#pragma once
// 核验's search as one types: the members on this phone by name, phone, member number or the
// pinyin initials of the name, for a member at the door without their card. The members'
// search text is prepared once, when the records change (member_index), and each character
// typed filters it (search_members).
#include <cstddef>
#include <string_view>
#include <vector>

#include "app/search_text.h"
#include "core/sync/record_source.h"

namespace nx::app {

struct MemberIndex {
  struct Entry {
    const sync::Record* member;
    SearchText text;
  };
  std::vector<Entry> members;  // by name, then member number
};

MemberIndex member_index(const sync::RecordSource& records);

struct MemberMatches {
  std::vector<const sync::Record*> shown;  // the first `limit`, in the index's order
  std::size_t total = 0;                   // how many match in all
};

// Nothing typed finds nobody: 核验 lists no one until asked.
MemberMatches search_members(const MemberIndex& index, std::string_view typed, std::size_t limit);

}  // namespace nx::app
