#include "app/member_search.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace nx::app {

namespace {

constexpr const char* kMemberKind = "member";

MemberIndex::Entry entry(const sync::Record& m) { return {&m, m.id, search_text(m, {"name", "phone", "member_no"})}; }

bool before(const MemberIndex::Entry& a, const MemberIndex::Entry& b) {
  const std::string &an = a.member->str_ref("name"), &bn = b.member->str_ref("name");
  if (an != bn) return an < bn;
  const std::string &ano = a.member->str_ref("member_no"), &bno = b.member->str_ref("member_no");
  return ano != bno ? ano < bno : a.id < b.id;
}

}  // namespace

MemberIndex member_index(const sync::RecordSource& records) {
  MemberIndex index;
  for (const sync::Record* m : records.all(kMemberKind)) index.members.push_back(entry(*m));
  std::sort(index.members.begin(), index.members.end(), before);
  return index;
}

void update_member_index(MemberIndex& index, const sync::RecordSource& records,
                         const std::vector<std::pair<std::string, std::string>>& changed) {
  std::set<std::string> ids;
  for (const auto& [kind, id] : changed)
    if (kind == kMemberKind) ids.insert(id);
  if (ids.empty()) return;
  // The entries of changed members go first: their pointers may no longer hold.
  std::erase_if(index.members, [&](const MemberIndex::Entry& e) { return ids.count(e.id) > 0; });
  std::vector<MemberIndex::Entry> added;
  for (const std::string& id : ids)
    if (const sync::Record* m = records.get(kMemberKind, id); m && !m->deleted) added.push_back(entry(*m));
  // A few go in where they belong (a merge compares every entry, each comparison reading
  // names from the records: 14 ms for one member at district size); many are merged in.
  constexpr std::size_t kFewInserts = 32;
  if (added.size() <= kFewInserts) {
    for (MemberIndex::Entry& e : added)
      index.members.insert(std::upper_bound(index.members.begin(), index.members.end(), e, before), std::move(e));
    return;
  }
  std::sort(added.begin(), added.end(), before);
  const auto kept = static_cast<std::ptrdiff_t>(index.members.size());
  std::move(added.begin(), added.end(), std::back_inserter(index.members));
  std::inplace_merge(index.members.begin(), index.members.begin() + kept, index.members.end(), before);
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
