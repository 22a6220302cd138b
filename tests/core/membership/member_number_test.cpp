#include "core/membership/member_number.h"

#include <doctest/doctest.h>

#include <set>

#include "world.h"

using namespace nx;
using namespace nx::membership;
using nx::test_membership::rid;

TEST_SUITE("membership") {

TEST_CASE("member numbers: readable, dated, and the same wherever they are computed") {
  const civil::Date day{2026, 7, 1};
  const std::string n = member_number(rid(1), day);
  CHECK(n.size() == 23);
  CHECK(n.rfind("NX-20260701-", 0) == 0);
  CHECK(is_member_number(n));
  CHECK(member_number(rid(1), day) == n);
  // The id's letter case does not change the number.
  CHECK(member_number("ABCDEF00-0000-4000-8000-000000000001", day) == member_number("abcdef00-0000-4000-8000-000000000001", day));
  CHECK(member_number(rid(2), day) != n);
  CHECK(member_number(rid(1), civil::Date{2026, 7, 2}) != n);
  CHECK(member_number(rid(1), day, 1) != n);
  // No letters that read like digits.
  for (char c : n.substr(12)) {
    CHECK(c != 'I');
    CHECK(c != 'L');
    CHECK(c != 'O');
    CHECK(c != 'U');
  }
}

TEST_CASE("member numbers do not clash among many applications of one day") {
  std::set<std::string> seen;
  for (int i = 0; i < 20000; ++i) seen.insert(member_number(rid(i), civil::Date{2026, 7, 1}));
  CHECK(seen.size() == 20000);
}

TEST_CASE("is_member_number refuses near misses") {
  CHECK_FALSE(is_member_number(""));
  CHECK_FALSE(is_member_number("NX-20260701-7K3M9-QXD2"));
  CHECK_FALSE(is_member_number("NX-20261301-7K3M9-QXD2F"));  // month 13
  CHECK_FALSE(is_member_number("NX-20260701-7K3M9-QXD2I"));  // I is not a Crockford digit
  CHECK_FALSE(is_member_number("NX-20260701-7k3m9-qxd2f"));  // lower case is not how it is issued
  CHECK_FALSE(is_member_number("XX-20260701-7K3M9-QXD2F"));
  CHECK(is_member_number("NX-20260701-7K3M9-QXD2F"));
}

TEST_CASE("issue_member_number takes the next variant when a number is already held") {
  const civil::Date day{2026, 7, 1};
  sync::MemoryRecords records;
  const std::string first = member_number(rid(7), day);
  CHECK(issue_member_number(rid(7), day, &records) == first);
  CHECK(issue_member_number(rid(7), day, nullptr) == first);
  sync::Record holder;
  holder.kind = "member";
  holder.id = rid(8);
  holder.fields = {{"member_no", first}};
  records.put(holder);
  const std::string second = issue_member_number(rid(7), day, &records);
  CHECK(second != first);
  CHECK(second == member_number(rid(7), day, 1));
  CHECK(is_member_number(second));
}

}
