#pragma once
// 核验's search as one types: the members on this phone by name, phone, member number or the
// pinyin initials of the name, for a member at the door without their card. The members'
// search text is prepared once (member_index) and brought up to date when records change
// (update_member_index), and each character typed filters it (search_members).
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/search_text.h"
#include "core/sync/record_source.h"

namespace nx::app {

struct MemberIndex {
  struct Entry {
    const sync::Record* member;  // valid until the member changes (then the entry is replaced)
    std::string id;
    SearchText text;
  };
  std::vector<Entry> members;  // the live members, by name, then member number, then id
};

MemberIndex member_index(const sync::RecordSource& records);
// The same index, for the records now, from the one made before the records in `changed`
// changed (LayeredRecords::changed_since): their entries go and come back as they are now,
// where a district's 20,000 members took 140 ms to prepare again (natively).
void update_member_index(MemberIndex& index, const sync::RecordSource& records,
                         const std::vector<std::pair<std::string, std::string>>& changed);

struct MemberMatches {
  std::vector<const sync::Record*> shown;  // the first `limit`, in the index's order
  std::size_t total = 0;                   // how many match in all
};

// Nothing typed finds nobody: 核验 lists no one until asked.
MemberMatches search_members(const MemberIndex& index, std::string_view typed, std::size_t limit);

}  // namespace nx::app
