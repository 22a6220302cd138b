#include "app/member_search.h"

#include <algorithm>

namespace nx::app {

MemberIndex member_index(const sync::RecordSource& records) {
  MemberIndex index;
  for (const sync::Record* m : records.all("member"))
    index.members.push_back({m, search_text(*m, {"name", "phone", "member_no"})});
  std::sort(index.members.begin(), index.members.end(), [](const MemberIndex::Entry& a, const MemberIndex::Entry& b) {
    const std::string &an = a.member->str_ref("name"), &bn = b.member->str_ref("name");
    return an != bn ? an < bn : a.member->str_ref("member_no") < b.member->str_ref("member_no");
  });
  return index;
}

MemberMatches search_members(const MemberIndex& index, std::string_view typed, std::size_t limit) {
  MemberMatches found;
  const SearchQuery query(typed);
  if (query.empty()) return found;
  for (const MemberIndex::Entry& e : index.members) {
    if (!query.matches(e.text)) continue;
    if (found.shown.size() < limit) found.shown.push_back(e.member);
    ++found.total;
  }
  return found;
}

}  // namespace nx::app
