// LayeredRecords against what it replaces: a full copy of the base with the laid records put
// into it (the phone's view before issue 18). Random records and random lays, lifts and base
// writes; after each step every question a screen or a rule can ask gets the same answer.
#include "core/sync/layered_records.h"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>

using namespace nx::sync;

namespace {

const char* const kKinds[] = {"member", "service_request", "station"};
const char* const kUnits[] = {"u1", "u2", "u3"};

Record random_record(std::mt19937& rng, int& serial) {
  Record r;
  r.kind = kKinds[rng() % 3];
  r.id = "id" + std::to_string(rng() % 40);
  r.fields["unit_id"] = kUnits[rng() % 3];
  r.fields["serial"] = ++serial;  // so that a rewrite is told apart from the record it replaces
  r.deleted = rng() % 7 == 0;
  return r;
}

std::vector<std::string> ids(const std::vector<const Record*>& records) {
  std::vector<std::string> out;
  for (const Record* r : records) out.push_back(r->kind + "/" + r->id + "#" + r->fields["serial"].dump());
  return out;
}

// The answer of the full copy: the view as it was kept before.
struct FullCopy {
  MemoryRecords base;
  MemoryRecords view;
  std::set<std::pair<std::string, std::string>> laid;

  void put_base(const Record& r) {
    base.put(r);
    if (!laid.count({r.kind, r.id})) view.put(r);
  }
  void lay(const Record& r) {
    laid.insert({r.kind, r.id});
    view.put(r);
  }
  void lift(const std::string& kind, const std::string& id) {
    laid.erase({kind, id});
    if (const Record* b = base.get(kind, id)) view.put(*b);
    else view.erase(kind, id);
  }
};

void check_same(const FullCopy& expected, const LayeredRecords& layered) {
  CHECK(layered.size() == expected.view.size());
  for (const char* kind : kKinds) {
    CHECK(ids(layered.all(kind)) == ids(expected.view.all(kind)));
    for (const char* unit : kUnits)
      CHECK(ids(layered.find(kind, "unit_id", unit)) == ids(expected.view.find(kind, "unit_id", unit)));
    for (int i = 0; i < 40; ++i) {
      const std::string id = "id" + std::to_string(i);
      const Record* want = expected.view.get(kind, id);
      const Record* got = layered.get(kind, id);
      REQUIRE((want == nullptr) == (got == nullptr));
      if (want) CHECK(*got == *want);
    }
  }
}

}  // namespace

TEST_CASE("the layered view answers as a full copy of base with the laid records put in would") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    int serial = 0;
    FullCopy expected;
    LayeredRecords layered;
    for (int step = 0; step < 300; ++step) {
      const int what = static_cast<int>(rng() % 10);
      if (what < 5) {
        const Record r = random_record(rng, serial);
        expected.put_base(r);
        layered.put_base(r);
      } else if (what < 8) {
        const Record r = random_record(rng, serial);
        expected.lay(r);
        layered.lay(r);
      } else {
        const std::string kind = kKinds[rng() % 3], id = "id" + std::to_string(rng() % 40);
        expected.lift(kind, id);
        layered.lift(kind, id);
      }
      if (step % 10 == 0) check_same(expected, layered);
    }
    check_same(expected, layered);
  }
}

TEST_CASE("the layered view's revision moves on with a change to either layer, not with reading") {
  LayeredRecords layered;
  Record r;
  r.kind = "station";
  r.id = "s1";
  const auto empty = layered.revision();
  layered.put_base(r);
  const auto after_base = layered.revision();
  CHECK(after_base != empty);
  (void)layered.all("station");
  (void)layered.find("station", "name", "x");
  CHECK(layered.revision() == after_base);
  layered.lay(r);
  const auto after_lay = layered.revision();
  CHECK(after_lay != after_base);
  layered.lift("station", "s1");
  CHECK(layered.revision() != after_lay);
}

namespace {
// What each record shows, by (kind, id), and where: the pointer a screen would hold.
std::map<LayeredRecords::Key, std::pair<std::string, const Record*>> shown(const LayeredRecords& layered) {
  std::map<LayeredRecords::Key, std::pair<std::string, const Record*>> out;
  for (const char* kind : kKinds)
    for (int i = 0; i < 40; ++i)
      if (const Record* r = layered.get(kind, "id" + std::to_string(i)))
        out[{kind, r->id}] = {r->fields["serial"].dump() + (r->deleted ? "x" : ""), r};
  return out;
}
}  // namespace

TEST_CASE("changed_since names every record shown differently since a revision, and the others stay where they were") {
  for (unsigned seed = 1; seed <= 10; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    int serial = 0;
    LayeredRecords layered;
    CHECK_FALSE(layered.changed_since(layered.revision()));  // nothing known before the first change
    std::vector<std::pair<std::uint64_t, std::map<LayeredRecords::Key, std::pair<std::string, const Record*>>>> seen;
    for (int step = 0; step < 400; ++step) {
      const int what = static_cast<int>(rng() % 10);
      if (what < 5) layered.put_base(random_record(rng, serial));
      else if (what < 8) layered.lay(random_record(rng, serial));
      else layered.lift(kKinds[rng() % 3], "id" + std::to_string(rng() % 40));
      if (step % 25 == 0 && layered.revision() != 0) seen.emplace_back(layered.revision(), shown(layered));
    }
    const auto now = shown(layered);
    for (const auto& [revision, then] : seen) {
      const auto changed = layered.changed_since(revision);
      REQUIRE(changed);
      const std::set<LayeredRecords::Key> named(changed->begin(), changed->end());
      CHECK(named.size() == changed->size());  // once each
      std::set<LayeredRecords::Key> keys;
      for (const auto& [key, v] : then) keys.insert(key);
      for (const auto& [key, v] : now) keys.insert(key);
      for (const auto& key : keys) {
        const auto before = then.find(key), after = now.find(key);
        const bool differs = (before == then.end()) != (after == now.end()) ||
                             (before != then.end() && before->second.first != after->second.first);
        if (differs) CHECK(named.count(key));
        // Not named: the same record at the same address (a screen's pointer to it still holds).
        if (!named.count(key) && before != then.end()) CHECK(before->second.second == after->second.second);
      }
    }
    CHECK(layered.changed_since(layered.revision())->empty());
  }
}

TEST_CASE("changed_since says when it no longer knows: too many changes since, or another store's revision") {
  LayeredRecords first;
  Record r;
  r.kind = "station";
  r.id = "s1";
  first.put_base(r);
  const auto early = first.revision();
  for (std::size_t i = 0; i < LayeredRecords::kJournalSize - 1; ++i) first.put_base(r);
  REQUIRE(first.changed_since(early));
  CHECK(first.changed_since(early)->size() == 1);
  first.put_base(r);  // the journal lets go of the change at `early`: those after it are kept
  CHECK(first.changed_since(early));
  first.put_base(r);  // and now of the one right after it
  CHECK_FALSE(first.changed_since(early));

  LayeredRecords second;
  const auto from_first = first.revision();
  second.put_base(r);
  CHECK_FALSE(second.changed_since(from_first));
  CHECK(second.changed_since(second.revision())->empty());
}
