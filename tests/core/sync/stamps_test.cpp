#include "core/sync/stamps.h"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "core/sync/record.h"

using nx::sync::Hlc;
using nx::sync::Record;
using nx::sync::Stamps;

namespace {

Hlc at(std::int64_t ms, const char* device = "phone-a") { return Hlc{ms, 0, device}; }

std::map<std::string, Hlc> as_map(const Stamps& s) {
  std::map<std::string, Hlc> out;
  for (const auto& [field, stamp] : s) out.emplace(field, stamp);
  return out;
}

}  // namespace

TEST_CASE("fields written by one op share its stamp, held once") {
  Stamps s;
  for (const char* f : {"name", "phone", "unit_id", "status"}) s.set(f, at(100));
  CHECK(s.size() == 4);
  CHECK(s.distinct() == 1);
  s.set("status", at(200));
  CHECK(s.distinct() == 2);
  REQUIRE(s.find("status"));
  CHECK(*s.find("status") == at(200));
  CHECK(*s.find("name") == at(100));
  CHECK(s.find("missing") == nullptr);
  // The last field of the older stamp moves on: the older stamp is no longer held.
  for (const char* f : {"name", "phone", "unit_id"}) s.set(f, at(300));
  CHECK(s.distinct() == 2);
  s.set("status", at(300));
  CHECK(s.distinct() == 1);
  s.erase("status");
  s.erase("missing");
  CHECK(s.size() == 3);
  CHECK_FALSE(s.contains("status"));
}

TEST_CASE("stamps iterate in field order and compare by what each field holds, not how it is shared") {
  Stamps a, b;
  a.set("z", at(1));
  a.set("a", at(2));
  a.set("m", at(1));
  b.set("m", at(1));
  b.set("z", at(1));
  b.set("a", at(2));
  CHECK(a == b);
  std::string order;
  for (const auto& [field, stamp] : a) order += field;
  CHECK(order == "amz");
  b.set("a", at(2, "phone-b"));
  CHECK(a != b);
  b.erase("a");
  CHECK(a != b);
  b.clear();
  CHECK(b.empty());
  CHECK(b.distinct() == 0);
}

TEST_CASE("stamps answer as the map they replace on random writes") {
  std::mt19937 rng(7);
  Stamps s;
  std::map<std::string, Hlc> expected;
  for (int step = 0; step < 5000; ++step) {
    const std::string field(1, static_cast<char>('a' + rng() % 12));
    if (rng() % 5 == 0) {
      s.erase(field);
      expected.erase(field);
    } else {
      const Hlc stamp = at(rng() % 6, rng() % 2 ? "phone-a" : "phone-b");
      s.set(field, stamp);
      expected[field] = stamp;
    }
    REQUIRE(as_map(s) == expected);
    std::size_t distinct = 0;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      bool seen = false;
      for (auto before = expected.begin(); before != it; ++before) seen = seen || before->second == it->second;
      distinct += !seen;
    }
    REQUIRE(s.distinct() == distinct);  // every stamp held is in use
  }
}

TEST_CASE("a record's stamps survive its stored form, shared as they were") {
  Record r{"note", "n1"};
  r.fields = {{"title", "x"}, {"body", "y"}, {"status", "open"}};
  r.stamps.set("title", at(5));
  r.stamps.set("body", at(5));
  r.stamps.set("status", at(9, "server"));
  auto back = Record::from_json(r.to_json());
  REQUIRE(back.ok());
  CHECK(back.value() == r);
  CHECK(back.value().stamps.distinct() == 2);
}
