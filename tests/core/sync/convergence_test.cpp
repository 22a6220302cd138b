// Property: applying the same ops in any order, and any number of times, gives the same
// records. Random sets and deletes over a few records and fields, from several devices with
// skewed clocks, shuffled and duplicated.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/sync/apply.h"
#include "test_kinds.h"

using namespace nx;
using namespace nx::sync;
using nlohmann::json;

namespace {

std::vector<Op> random_ops(std::mt19937& rng, int count) {
  const std::string ids[] = {"aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002",
                             "aaaaaaaa-0000-4000-8000-000000000003"};
  const char* devices[] = {"phone-a", "phone-b", "tablet"};
  const std::int64_t skew[] = {0, 86'400'000, -86'400'000};  // clocks a day apart
  std::vector<HlcClock> clocks = {HlcClock(devices[0]), HlcClock(devices[1]), HlcClock(devices[2])};
  std::vector<Op> ops;
  std::int64_t now = 1'764'400'000'000;
  for (int i = 0; i < count; ++i) {
    now += std::uniform_int_distribution<int>(0, 3)(rng);
    const int d = std::uniform_int_distribution<int>(0, 2)(rng);
    // Now and then a device hears of another's latest stamp (a sync), as in the field.
    if (std::uniform_int_distribution<int>(0, 4)(rng) == 0) clocks[d].observe(clocks[(d + 1) % 3].last(), now + skew[d]);
    const Hlc stamp = clocks[d].tick(now + skew[d]);
    const std::string& id = ids[std::uniform_int_distribution<int>(0, 2)(rng)];
    if (std::uniform_int_distribution<int>(0, 9)(rng) == 0) {
      ops.push_back(test::make_op("note", id, stamp, json::object(), "", true));
      continue;
    }
    // Every set is valid on its own (title and unit present), so any op may create the record.
    json set = {{"title", "t" + std::to_string(i)}, {"unit_id", "t1"}};
    if (std::uniform_int_distribution<int>(0, 1)(rng)) set["count"] = i;
    ops.push_back(test::make_op("note", id, stamp, set));
  }
  return ops;
}

std::map<std::string, Record> replay(const std::vector<Op>& ops, const kinds::Registry& registry, const UnitTree& units) {
  const Actor admin{"a", Role::Admin, "", ""};
  std::map<std::string, Record> records;
  for (const Op& op : ops) {
    auto it = records.find(op.id);
    ApplyResult r = apply_op(it == records.end() ? nullptr : &it->second, op, ApplyContext{registry, admin, units, nullptr, 0});
    REQUIRE(r.status != ApplyStatus::Rejected);
    records[op.id] = r.record;
  }
  return records;
}

}  // namespace

TEST_CASE("sets and deletes converge in any order, applied any number of times") {
  const kinds::Registry registry = test::test_registry();
  const UnitTree units = test::test_units();
  for (unsigned seed = 1; seed <= 60; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const std::vector<Op> ops = random_ops(rng, 40);
    const auto reference = replay(ops, registry, units);

    std::vector<Op> shuffled = ops;
    // Duplicates, as a retried push or a second device's copy would bring.
    for (int i = 0; i < 15; ++i) shuffled.push_back(ops[std::uniform_int_distribution<std::size_t>(0, ops.size() - 1)(rng)]);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    CHECK(replay(shuffled, registry, units) == reference);

    std::vector<Op> reversed(ops.rbegin(), ops.rend());
    CHECK(replay(reversed, registry, units) == reference);
  }
}

TEST_CASE("the winner of each field is the write with the largest stamp") {
  const kinds::Registry registry = test::test_registry();
  const UnitTree units = test::test_units();
  std::mt19937 rng(7);
  const std::vector<Op> ops = random_ops(rng, 60);
  const auto result = replay(ops, registry, units);
  for (const auto& entry : result) {
    const std::string& id = entry.first;
    const Record& record = entry.second;
    const Op* best = nullptr;
    for (const Op& op : ops)
      if (op.id == id && !op.del && (!best || op.hlc > best->hlc)) best = &op;
    if (best) CHECK(record.fields["title"] == best->set["title"]);
    const bool any_delete = std::any_of(ops.begin(), ops.end(), [&](const Op& op) { return op.id == id && op.del; });
    CHECK(record.deleted == any_delete);
  }
}

TEST_CASE("replayed workflow steps are idempotent") {
  const kinds::Registry registry = test::test_registry();
  const UnitTree units = test::test_units();
  const Actor staff{"s1", Role::Staff, "t1", ""};
  const Actor worker{"w1", Role::Worker, "", ""};
  const std::string id = "bbbbbbbb-0000-4000-8000-000000000001";
  const std::vector<std::pair<Op, const Actor*>> steps = {
      {test::make_op("ticket", id, Hlc{1, 0, "w"}, {{"owner_id", "w1"}, {"unit_id", "t1"}}), &worker},
      {test::make_op("ticket", id, Hlc{2, 0, "s"}, json::object(), "finish"), &staff},
      {test::make_op("ticket", id, Hlc{3, 0, "w"}, {{"reason", "ok"}}, "close"), &worker},
      {test::make_op("ticket", id, Hlc{4, 0, "w"}, json::object(), "reopen"), &worker},
  };
  auto run = [&](int times) {
    std::optional<Record> r;
    for (const auto& [op, who] : steps)
      for (int k = 0; k < times; ++k) {
        auto res = apply_op(r ? &*r : nullptr, op, ApplyContext{registry, *who, units, nullptr, 0});
        REQUIRE(res.status != ApplyStatus::Rejected);
        r = res.record;
      }
    return *r;
  };
  const Record once = run(1);
  CHECK(once.fields["status"] == "open");
  CHECK(run(3) == once);
}
