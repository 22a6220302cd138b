// 核验's search: members by name, phone, member number and pinyin initials, the same as a
// plain scan of every member would find them, the first few shown and all of them counted.
#include "app/member_search.h"

#include <doctest/doctest.h>

#include <random>

#include "core/membership/normalize.h"
#include "core/pinyin.h"
#include "core/sync/layered_records.h"
#include "fixtures.h"

using namespace nx;
using namespace nx::app;
using test::district;

namespace {

// The plain way: every member read and folded, field by field.
std::vector<const sync::Record*> scan(const sync::RecordSource& records, const std::string& typed) {
  std::vector<const sync::Record*> out;
  const std::string q = membership::fold_text(typed);
  if (q.empty()) return out;
  for (const sync::Record* m : records.all("member")) {
    bool found = false;
    for (const char* field : {"name", "phone", "member_no"})
      found = found || membership::fold_text(m->str_ref(field)).find(q) != std::string::npos;
    found = found || (pinyin::looks_like_initials(q) && pinyin::matches_initials(pinyin::initials_of(m->str_ref("name")), q));
    if (found) out.push_back(m);
  }
  return out;
}

}  // namespace

TEST_CASE("members are found by name, phone, number and initials, as a scan would find them") {
  auto d = district();
  const MemberIndex index = member_index(d.records);
  const auto members = d.records.all("member");
  REQUIRE(index.members.size() == members.size());
  std::vector<std::string> queries = {"王", "wj", "lw", "138", "nx-2026", "ＮＸ", " ", "", "zzzz", "\xFF"};
  for (std::size_t i = 0; i < members.size(); i += 11) {
    queries.push_back(members[i]->str("name"));
    queries.push_back(members[i]->str("phone").substr(3, 5));
    queries.push_back(members[i]->str("member_no").substr(0, 14));
  }
  for (const std::string& q : queries) {
    CAPTURE(q);
    auto expected = scan(d.records, q);
    const MemberMatches all = search_members(index, q, expected.size() + 1);
    std::vector<const sync::Record*> got = all.shown;
    CHECK(all.total == expected.size());
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    CHECK(got == expected);
  }
}

TEST_CASE("a few are shown, all are counted, by name") {
  auto d = district();
  const MemberIndex index = member_index(d.records);
  const MemberMatches some = search_members(index, "1", 5);
  REQUIRE(some.total > 5);
  CHECK(some.shown.size() == 5);
  for (std::size_t i = 1; i < some.shown.size(); ++i) CHECK(some.shown[i - 1]->str("name") <= some.shown[i]->str("name"));
  CHECK(search_members(index, "", 5).total == 0);  // nothing typed lists nobody
  const sync::Record* someone = d.records.all("member").front();
  const MemberMatches by_name = search_members(index, someone->str("name"), 50);
  CHECK(std::find(by_name.shown.begin(), by_name.shown.end(), someone) != by_name.shown.end());
}

// 核验's index brought up to date after changes against the index prepared again, on random
// edits of the district's members through the phone's layered view: the same entries in the
// same order, with the same search text and pointers to where the records are now.
TEST_CASE("the members' index brought up to date after changes equals the index prepared again") {
  const auto d = district();
  std::vector<std::string> ids;
  sync::LayeredRecords records;
  for (const auto& [key, r] : d.records.records()) {
    records.put_base(r);
    if (key.first == "member") ids.push_back(key.second);
  }
  REQUIRE(ids.size() > 50);
  std::mt19937 rng(11);
  MemberIndex index = member_index(records);
  std::uint64_t seen = records.revision();
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    // Mostly a few changes (each put in its place), now and then a page's worth (merged in).
    const int edits = round % 4 == 3 ? 40 + static_cast<int>(rng() % 40) : 1 + static_cast<int>(rng() % 12);
    for (int edit = 0; edit < edits; ++edit) {
      const std::string& id = ids[rng() % ids.size()];
      sync::Record r = *records.get("member", id);
      switch (rng() % 5) {
        case 0: r.fields["name"] = rng() % 2 ? "王军" : "刘伟" + std::to_string(rng() % 100); break;
        case 1: r.deleted = !r.deleted; break;
        case 2: r.fields["phone"] = "1390000" + std::to_string(1000 + rng() % 9000); break;
        case 3: r.fields["member_no"] = "HL" + std::to_string(rng() % 50); break;
        default: records.lift("member", id); continue;  // back to the base's form
      }
      if (rng() % 2) records.lay(std::move(r));
      else records.put_base(std::move(r));
    }
    const auto changed = records.changed_since(seen);
    REQUIRE(changed);
    update_member_index(index, records, *changed);
    seen = records.revision();
    const MemberIndex fresh = member_index(records);
    REQUIRE(index.members.size() == fresh.members.size());
    for (std::size_t i = 0; i < index.members.size(); ++i) {
      const MemberIndex::Entry &a = index.members[i], &b = fresh.members[i];
      CHECK(a.member == b.member);
      CHECK(a.id == b.id);
      CHECK(a.text.folded == b.text.folded);
      CHECK(a.text.name_initials == b.text.name_initials);
    }
  }
}
