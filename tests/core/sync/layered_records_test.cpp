// LayeredRecords against what it replaces: a full copy of the base with the laid records put
// into it (the phone's view before issue 18). Random records and random lays, lifts and base
// writes; after each step every question a screen or a rule can ask gets the same answer.
#include "core/sync/layered_records.h"

#include <doctest/doctest.h>

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
