// The phone's store at district size, natively (no browser): how much memory a record takes
// once loaded, what opening the app again costs (reading its stored blocks and loading them), and
// how long 待办 takes to work out what waits and to answer each character typed into its
// search. The generated district of `--demo-scale` (the core's generator), seen by the
// district's staff member, who holds it all.
//   nuanxin-store-bench [--members N] [--requests N] [--runs N]
// Prints a Markdown section (scripts/benchmarks/store.mjs records it in docs/BENCHMARKS.md).
// Exits non-zero only when the store's answers disagree between runs or the data is refused.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "app/local_store.h"
#include "app/member_search.h"
#include "app/staff_dashboard.h"
#include "app/staff_inbox.h"
#include "core/demo/demo.h"
#include "core/membership/unit.h"
#include "core/sync/record_block.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::size_t heap_in_use() { return mallinfo2().uordblks; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

int arg(int argc, char** argv, const char* name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == name) return std::atoi(argv[i + 1]);
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace nx;
  const int members = arg(argc, argv, "--members", 20000);
  const int requests = arg(argc, argv, "--requests", 50000);
  const int runs = std::max(1, arg(argc, argv, "--runs", 5));

  auto t = Clock::now();
  auto district = demo::generate_demo_district(demo::scale_options(20260701, members, requests));
  if (!district.ok()) {
    std::fprintf(stderr, "the generator was refused: %s\n", district.error().message_en.c_str());
    return 1;
  }
  const double generated_ms = ms_since(t);
  const auto staff = std::find_if(district.value().staff.begin(), district.value().staff.end(),
                                  [](const demo::StaffLogin& s) { return s.username == "demo-district"; });
  if (staff == district.value().staff.end()) return std::fprintf(stderr, "no demo-district login\n"), 1;
  const Actor actor{staff->user_id, Role::Staff, staff->unit_id, ""};

  // What IndexedDB holds: the blocks a compaction writes, in two tiers at this size (what opens
  // later first, then the rest; app/local_store.h), and the JSON text of each record as the
  // version before blocks stored it, for comparison.
  std::size_t text_bytes = 0;
  sync::MemoryRecords served;  // the district as the server serves it
  std::vector<std::pair<std::int64_t, std::string>> stored;  // (key, bytes)
  std::set<std::int64_t> later_keys;
  {
    // Numbered as the server numbers them when it is seeded (the generator leaves seq 0), and
    // the cursor where a phone that pulled all of it has it.
    std::vector<sync::Record> all;
    for (const auto& [key, r] : district.value().records.records()) {
      all.push_back(r);
      all.back().seq = static_cast<std::int64_t>(all.size());
      text_bytes += all.back().to_json().dump().size();
    }
    served = sync::MemoryRecords();
    for (const auto& r : all) served.put(r);
    app::LocalStore writer(app::StoreMeta{1, "bench", {}, static_cast<std::int64_t>(all.size()), 1, ""}, actor);
    writer.load(std::move(all), {});
    writer.begin_compaction();
    while (writer.compacting())
      if (const app::StoreWrite w = writer.compaction_step(); w.block) stored.emplace_back(*w.block, w.block_bytes());
    later_keys.insert(writer.meta().later_blocks.begin(), writer.meta().later_blocks.end());
  }
  std::size_t stored_bytes = 0;
  for (const auto& [key, bytes] : stored) stored_bytes += bytes.size();
  // The blocks of one part, in key order, as the phone reads them.
  auto read_blocks = [&](bool later) {
    std::vector<sync::Record> base;
    for (const auto& [key, bytes] : stored)
      if (later_keys.count(key) == static_cast<std::size_t>(later) && !sync::decode_block(bytes, base))
        std::fprintf(stderr, "a block did not decode\n"), std::exit(1);
    return base;
  };
  const UnitTree district_units = membership::units_from(district.value().records);
  const std::int64_t now_ms = demo::DemoOptions{}.now_ms;

  // Opening again: read the first part's blocks and load them, work out 待办 from them (the
  // first screen is then up); then read the later part's and load those.
  std::vector<double> open_ms, first_ms, later_ms;
  std::size_t heap_per_open = 0;
  std::size_t loaded = 0, first_records = 0;
  int disagreements = 0;
  for (int run = 0; run < runs; ++run) {
    const std::size_t before = heap_in_use();
    t = Clock::now();
    app::LocalStore opened(app::StoreMeta{1, "bench", {}, 0, 1, ""}, actor);
    opened.load(read_blocks(false), {});
    const double loaded_first_ms = ms_since(t);
    const app::OpenWork first_work = app::open_work(opened.records(), district_units, actor.unit_id, now_ms);
    first_ms.push_back(ms_since(t));
    first_records = opened.record_count();
    const auto later_started = Clock::now();
    opened.load_later(read_blocks(true));
    later_ms.push_back(ms_since(later_started));
    open_ms.push_back(loaded_first_ms + later_ms.back());
    heap_per_open = heap_in_use() - before;
    loaded = opened.record_count();
    // The first part gives 待办 all it shows; the two parts give every record as it was.
    if (first_work.items.size() != app::open_work(opened.records(), district_units, actor.unit_id, now_ms).items.size())
      ++disagreements;
    if (run == 0)
      for (const auto& [key, r] : served.records())
        if (const sync::Record* got = opened.records().get(r.kind, r.id); !got || !(*got == r)) ++disagreements;
  }
  if (loaded != served.size()) ++disagreements;

  // 待办 as the district's staff member sees it, and a search typed into it.
  app::LocalStore store(app::StoreMeta{1, "bench", {}, 0, 1, ""}, actor);
  store.load(read_blocks(false), {});
  store.load_later(read_blocks(true));
  const UnitTree units = membership::units_from(store.records());
  struct Query {
    const char* label;
    std::string text;
    std::vector<double> ms;
    std::size_t found = 0;
  };
  std::vector<Query> queries = {{"no query", "", {}, 0}, {"王", "王", {}, 0}, {"建", "建", {}, 0},
                                {"138", "138", {}, 0}, {"wj", "wj", {}, 0}};
  // 待办 as the screen works it out: what waits, when the records change, then the search's
  // filter for each character typed.
  std::vector<double> open_work_ms;
  app::OpenWork work;
  for (int run = 0; run < runs; ++run) {
    t = Clock::now();
    work = app::open_work(store.records(), units, actor.unit_id, now_ms);
    open_work_ms.push_back(ms_since(t));
  }
  // A decision (what waited is done, as the next pull brings it), then 待办 brought up to date.
  std::vector<double> update_ms;
  {
    app::OpenWork updated = work;
    for (int run = 0; run < runs; ++run) {
      sync::Record done = *updated.items.front().item.record;
      done.fields["status"] = updated.items.front().application ? "approved" : "delivered";
      const std::uint64_t seen = store.revision();
      store.on_pulled({{"records", nlohmann::json::array({done.to_json()})}, {"cursor", run + 1}}, now_ms, "");
      t = Clock::now();
      const auto changed = store.changed_since(seen);
      if (!changed || !app::update_open_work(updated, store.records(), units, actor.unit_id, *changed, now_ms)) ++disagreements;
      update_ms.push_back(ms_since(t));
      if (updated.items.size() != app::open_work(store.records(), units, actor.unit_id, now_ms).items.size()) ++disagreements;
    }
  }
  // 统计 and 核验's member index, each worked out again when the records change (both screens
  // keep theirs until then).
  std::vector<double> dashboard_ms, member_index_ms, member_update_ms;
  std::int64_t members_counted = -1;
  std::size_t members_indexed = 0;
  for (int run = 0; run < runs; ++run) {
    t = Clock::now();
    const app::StaffDashboard d = app::staff_dashboard(store.records(), actor.unit_id, now_ms);
    dashboard_ms.push_back(ms_since(t));
    if (members_counted >= 0 && d.members_active != members_counted) ++disagreements;
    members_counted = d.members_active;
    t = Clock::now();
    app::MemberIndex index = app::member_index(store.records());
    member_index_ms.push_back(ms_since(t));
    members_indexed = index.members.size();
    // A member renamed (as the next pull brings it), then the index brought up to date.
    sync::Record renamed = *index.members[index.members.size() / 2].member;
    renamed.fields["name"] = "改名" + std::to_string(run);
    const std::uint64_t seen = store.revision();
    store.on_pulled({{"records", nlohmann::json::array({renamed.to_json()})}, {"cursor", 100 + run}}, now_ms, "");
    t = Clock::now();
    const auto changed = store.changed_since(seen);
    if (changed) app::update_member_index(index, store.records(), *changed);
    member_update_ms.push_back(ms_since(t));
    if (!changed || index.members.size() != members_indexed) ++disagreements;
  }
  for (Query& q : queries) {
    for (int run = 0; run < runs; ++run) {
      app::InboxView view;
      view.query = q.text;
      t = Clock::now();
      const app::Inbox inbox = app::filter_inbox(work, view);
      q.ms.push_back(ms_since(t));
      if (run > 0 && inbox.items.size() != q.found) ++disagreements;
      q.found = inbox.items.size();
    }
  }

  std::printf("## store: the phone's store at district size, natively\n\n");
  std::printf("%d members and %d service requests asked of the generator (%.1f s); %zu records stored in "
              "%zu blocks of %.1f MB (%.0f B a record; as JSON text %.1f MB, %.0f B); medians of %d runs; heap by "
              "mallinfo2.\n\n",
              members, requests, generated_ms / 1000, loaded, stored.size(), stored_bytes / 1048576.0,
              loaded ? static_cast<double>(stored_bytes) / loaded : 0.0, text_bytes / 1048576.0,
              loaded ? static_cast<double>(text_bytes) / loaded : 0.0, runs);
  std::printf("| measure | value |\n|---|---:|\n");
  std::printf("| heap after loading | %.0f MB |\n", heap_per_open / 1048576.0);
  std::printf("| heap a record | %.0f B |\n", loaded ? static_cast<double>(heap_per_open) / loaded : 0.0);
  std::printf("| opening again: parse and load (binary blocks) | %.0f ms |\n", median(open_ms));
  std::printf("| opening again, to 待办 worked out from the first part (%zu records) | %.0f ms |\n", first_records,
              median(first_ms));
  std::printf("| opening again, the later part read after it (%zu records) | %.0f ms |\n", loaded - first_records,
              median(later_ms));
  std::printf("| 待办, what waits, worked out again when the records change | %.1f ms |\n", median(open_work_ms));
  std::printf("| 待办, brought up to date after one decision | %.2f ms |\n", median(update_ms));
  for (const Query& q : queries)
    std::printf("| 待办, %s (%zu rows) | %.1f ms |\n", q.label, q.found, median(q.ms));
  std::printf("| 统计, worked out again when the records change (%lld active members) | %.1f ms |\n",
              static_cast<long long>(members_counted), median(dashboard_ms));
  std::printf("| 核验, the members' search prepared again when the records change (%zu members) | %.1f ms |\n",
              members_indexed, median(member_index_ms));
  std::printf("| 核验, the members' search brought up to date after one member changed | %.2f ms |\n",
              median(member_update_ms));
  if (disagreements) std::fprintf(stderr, "the store or 待办 answered differently (%d times)\n", disagreements);
  return disagreements ? 1 : 0;
}
