#include "app/local_store.h"

#include <set>

#include <doctest/doctest.h>

#include "core/sync/record_block.h"

using namespace nx;
using namespace nx::app;
using nlohmann::json;

namespace {

constexpr std::int64_t kNow = 1782867600000;  // 2026-07-01 09:00 +08:00
const std::string kUnit = "0a0a0a0a-0000-4000-8000-000000000001";
const std::string kStation = "5a5a5a5a-0000-4000-8000-000000000001";

sync::Record unit_record() {
  sync::Record u;
  u.kind = "unit";
  u.id = kUnit;
  u.fields = {{"name", "美团海陵配送站工会"}, {"type", "company_union"}};
  u.seq = 1;
  return u;
}

// A station as the server sends it, every field stamped at `ms` by another device.
json wire_station(std::int64_t seq, const std::string& name, std::int64_t ms) {
  sync::Record r;
  r.kind = "station";
  r.id = kStation;
  r.fields = {{"name", name}, {"unit_id", kUnit}, {"address", "海陵区鼓楼南路 1 号"}, {"lat", 32.49}, {"lng", 119.92}, {"status", "open"}};
  for (const auto& [f, _] : r.fields.items()) r.stamps.set(f, sync::Hlc{ms, 0, "server-side-tablet"});
  r.seq = seq;
  return r.to_json();
}

json page(std::vector<json> records, std::int64_t cursor, bool more = false) {
  return {{"records", records}, {"cursor", cursor}, {"more", more}};
}

struct Phone {
  StoreMeta meta{1, "phone-1", {}, 0, 1, ""};
  Actor staff{"u-staff", Role::Staff, kUnit, ""};
  LocalStore store{meta, staff};
  int ids = 0;
  Phone() { store.load({unit_record()}, {}); }
  std::string op_id() {
    char buf[40];
    std::snprintf(buf, sizeof buf, "0b0b0b0b-0000-4000-8000-%012d", ++ids);
    return buf;
  }
  Result<StoreWrite> rename(const std::string& name, std::int64_t at = kNow) {
    return store.change(Change{"station", kStation, {{"name", name}}, "", false}, op_id(), at);
  }
  std::string name() const {
    const sync::Record* r = store.records().get("station", kStation);
    return r ? r->str("name") : "";
  }
  json ack(const std::string& op_id, const char* status = "applied", std::int64_t seq = 9) {
    return {{"results", {{{"op_id", op_id}, {"status", status}, {"seq", seq}}}}};
  }
};

}  // namespace

TEST_CASE_FIXTURE(Phone, "a change made offline shows at once and waits in the outbox, written in one step") {
  store.on_pulled(page({wire_station(2, "南苑驿站", kNow - 60'000)}, 2), kNow, "2026-07-01T09:00:00+08:00");
  auto w = rename("南苑爱心驿站");
  REQUIRE(w.ok());
  CHECK(name() == "南苑爱心驿站");
  CHECK(store.pending_count() == 1);
  REQUIRE(w.value().outbox_put.size() == 1);
  CHECK(w.value().outbox_put[0].op.set["name"] == "南苑爱心驿站");
  REQUIRE(w.value().meta);  // the clock moved on with the change, in the same write
  CHECK(w.value().meta->clock == w.value().outbox_put[0].op.hlc);
  CHECK(w.value().records.empty());  // base is the server's, untouched until the server answers
}

TEST_CASE_FIXTURE(Phone, "a change the core's rules refuse changes nothing") {
  store.on_pulled(page({wire_station(2, "南苑驿站", kNow - 60'000)}, 2), kNow, "");
  auto w = store.change(Change{"station", kStation, {{"lat", 999}}, "", false}, op_id(), kNow);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().field == "lat");
  CHECK(store.pending_count() == 0);
  CHECK(store.records().get("station", kStation)->fields["lat"] == 32.49);
}

TEST_CASE_FIXTURE(Phone, "changes that belong together are kept all in one write, or none when one is refused") {
  store.on_pulled(page({wire_station(2, "南苑驿站", kNow - 60'000)}, 2), kNow, "");
  const std::string other = "5a5a5a5a-0000-4000-8000-000000000002";
  const Change create{"station", other, {{"name", "坡子街驿站"}, {"unit_id", kUnit}, {"address", "海陵区坡子街 8 号"}, {"lat", 32.48}, {"lng", 119.91}, {"status", "open"}}, "", false};
  const Change rename_first{"station", kStation, {{"name", "南苑爱心驿站"}}, "", false};
  const Change bad{"station", kStation, {{"lat", 999}}, "", false};

  auto refused = store.change_all({create, rename_first, bad}, [this] { return op_id(); }, kNow);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().field == "lat");
  CHECK(store.pending_count() == 0);
  CHECK(store.records().get("station", other) == nullptr);  // created, then undone
  CHECK(name() == "南苑驿站");

  auto w = store.change_all({create, rename_first}, [this] { return op_id(); }, kNow);
  REQUIRE(w.ok());
  REQUIRE(w.value().outbox_put.size() == 2);
  CHECK(w.value().outbox_put[0].order < w.value().outbox_put[1].order);
  REQUIRE(w.value().meta);
  CHECK(w.value().meta->clock == w.value().outbox_put[1].op.hlc);
  CHECK(store.pending_count() == 2);
  CHECK(store.records().get("station", other) != nullptr);
  CHECK(name() == "南苑爱心驿站");
}

TEST_CASE_FIXTURE(Phone, "an acknowledged change leaves the outbox and stays visible before the next pull") {
  store.on_pulled(page({wire_station(2, "南苑驿站", kNow - 60'000)}, 2), kNow, "");
  const auto w = rename("南苑爱心驿站").value();
  const std::string id = w.outbox_put[0].op.op_id;
  const StoreWrite acked = store.on_push_results(ack(id), kNow + 1000, "2026-07-01T09:00:01+08:00");
  CHECK(store.pending_count() == 0);
  CHECK(acked.outbox_delete == std::vector<std::string>{id});
  REQUIRE(acked.records.size() == 1);
  CHECK(acked.records[0].str("name") == "南苑爱心驿站");
  CHECK(acked.records[0].seq == 9);
  CHECK(name() == "南苑爱心驿站");
  CHECK(store.meta().last_sync == "2026-07-01T09:00:01+08:00");
}

TEST_CASE_FIXTURE(Phone, "a pulled older value never overwrites a pending edit; a newer one wins field by field") {
  store.on_pulled(page({wire_station(2, "南苑驿站", kNow - 60'000)}, 2), kNow, "");
  REQUIRE(rename("本机改的名字", kNow).ok());
  // The server's copy changed before our edit was made (someone else, an hour ago).
  store.on_pulled(page({wire_station(3, "服务器上的旧名字", kNow - 3'600'000)}, 3), kNow + 1, "");
  CHECK(name() == "本机改的名字");
  CHECK(store.pending_count() == 1);
  // Someone edits it after us on another device: their newer write shows.
  store.on_pulled(page({wire_station(4, "更新的名字", kNow + 60'000)}, 4), kNow + 2, "");
  CHECK(name() == "更新的名字");
  CHECK(store.meta().cursor == 4);
}

TEST_CASE_FIXTURE(Phone, "stamps seen from the server move the clock on, whatever this phone's clock says") {
  store.on_pulled(page({wire_station(2, "南苑驿站", kNow + 3'600'000)}, 2), kNow, "");
  // This phone's clock is an hour behind the server's stamps; its next edit must still win.
  auto w = rename("校正后的名字", kNow);
  REQUIRE(w.ok());
  CHECK(w.value().outbox_put[0].op.hlc > sync::Hlc{kNow + 3'600'000, 0, "server-side-tablet"});
  CHECK(name() == "校正后的名字");
}

TEST_CASE_FIXTURE(Phone, "a refused change stays with its reason until discarded; then the record is the server's") {
  store.on_pulled(page({wire_station(2, "南苑驿站", kNow - 60'000)}, 2), kNow, "");
  const std::string id = rename("被拒绝的名字").value().outbox_put[0].op.op_id;
  json refused = {{"results", {{{"op_id", id}, {"status", "rejected"},
                                {"reason", {{"code", "forbidden"}, {"message", "no"}, {"message_zh", "不行"}}}}}}};
  const StoreWrite w = store.on_push_results(refused, kNow, "");
  CHECK(store.pending_count() == 0);
  CHECK(store.rejected_count() == 1);
  REQUIRE(w.outbox_put.size() == 1);
  CHECK(w.outbox_put[0].state == OutboxEntry::State::Rejected);
  CHECK(store.rejected()[0]->reason->message_zh == "不行");
  CHECK(name() == "南苑驿站");  // the refused change shows no effect
  CHECK(store.next_batch(10).empty());

  const StoreWrite gone = store.discard(id);
  CHECK(gone.outbox_delete == std::vector<std::string>{id});
  CHECK(store.rejected_count() == 0);
}

TEST_CASE_FIXTURE(Phone, "a duplicate of a refused op counts as refused; a duplicate of an applied one as acknowledged") {
  store.on_pulled(page({wire_station(2, "南苑驿站", kNow - 60'000)}, 2), kNow, "");
  const std::string a = rename("甲").value().outbox_put[0].op.op_id;
  const std::string b = rename("乙").value().outbox_put[0].op.op_id;
  json results = {{"results",
                   {{{"op_id", a}, {"status", "duplicate"}, {"original", "applied"}, {"seq", 5}},
                    {{"op_id", b}, {"status", "duplicate"}, {"original", "rejected"}, {"reason", {{"code", "conflict"}}}}}}};
  store.on_push_results(results, kNow, "");
  CHECK(store.pending_count() == 0);
  CHECK(store.rejected_count() == 1);
  CHECK(store.rejected()[0]->op.op_id == b);
  CHECK(name() == "甲");
}

TEST_CASE_FIXTURE(Phone, "a record created here and then refused disappears when discarded") {
  const std::string id = "5a5a5a5a-0000-4000-8000-000000000002";
  auto w = store.change(Change{"station", id, {{"name", "新驿站"}, {"unit_id", kUnit}, {"address", "海陵区"}, {"lat", 32.5}, {"lng", 119.9}, {"status", "open"}}, "", false},
                        op_id(), kNow);
  REQUIRE(w.ok());
  CHECK(store.records().get("station", id));
  const std::string op = w.value().outbox_put[0].op.op_id;
  store.reject_all(store.next_batch(10), Error{"op_id_invalid", "ops[0].op_id", "坏了", "broken"});
  CHECK(store.records().get("station", id) == nullptr);
  store.discard(op);
  CHECK(store.records().get("station", id) == nullptr);
  CHECK(store.rejected_count() == 0);
}

TEST_CASE_FIXTURE(Phone, "what was written reloads into the same view, pending and refused changes included") {
  store.on_pulled(page({wire_station(2, "南苑驿站", kNow - 60'000)}, 2), kNow, "");
  std::vector<StoreWrite> writes;
  writes.push_back(rename("本机名字").value());
  const std::string refused_id = rename("会被拒绝").value().outbox_put[0].op.op_id;
  writes.push_back(store.on_push_results({{"results", {{{"op_id", refused_id}, {"status", "rejected"}}}}}, kNow, ""));

  // What a storage layer would hold after those writes, through the stored JSON forms.
  std::map<std::string, OutboxEntry> outbox;
  for (const auto& w : writes)
    for (const auto& e : w.outbox_put) outbox[e.op.op_id] = OutboxEntry::from_json(e.to_json()).value();
  auto meta = StoreMeta::from_json(store.meta().to_json());
  REQUIRE(meta.ok());
  CHECK(meta.value() == store.meta());
  std::vector<OutboxEntry> entries;
  for (auto& [_, e] : outbox) entries.push_back(e);
  LocalStore reopened(meta.value(), staff);
  reopened.load({unit_record(), sync::Record::from_json(wire_station(2, "南苑驿站", kNow - 60'000)).value()}, entries);
  CHECK(reopened.pending_count() == 1);
  CHECK(reopened.rejected_count() == 1);
  CHECK(reopened.records().get("station", kStation)->str("name") == "本机名字");
  // The next change continues the order and the clock.
  auto next = reopened.change(Change{"station", kStation, {{"name", "再改"}}, "", false}, "0c0c0c0c-0000-4000-8000-000000000001", kNow);
  REQUIRE(next.ok());
  CHECK(next.value().outbox_put[0].order > entries.back().order);
  CHECK(next.value().outbox_put[0].op.hlc > meta.value().clock);
}

TEST_CASE("corrupt stored forms are refused, not trusted") {
  CHECK_FALSE(OutboxEntry::from_json(json::object()).ok());
  CHECK_FALSE(OutboxEntry::from_json({{"op", {{"op_id", "x"}}}, {"state", "pending"}}).ok());
  CHECK_FALSE(StoreMeta::from_json({{"schema", "one"}}).ok());
  CHECK_FALSE(StoreMeta::from_json(json::array()).ok());
}

namespace {
// Stations numbered 1..n as the server sends them.
json station_page(int from, int n, std::int64_t cursor) {
  std::vector<json> records;
  for (int i = from; i < from + n; ++i) {
    json r = wire_station(i, "驿站" + std::to_string(i), kNow - 60'000);
    char id[40];
    std::snprintf(id, sizeof id, "5a5a5a5a-0000-4000-8000-%012d", i);
    r["id"] = id;
    records.push_back(r);
  }
  return page(records, cursor, true);
}
}  // namespace

TEST_CASE_FIXTURE(Phone, "a big pulled page is written as one block with the next key; a small one as rows") {
  const StoreWrite big = store.on_pulled(station_page(1, kBlockMinRecords, 100), kNow, "");
  REQUIRE(big.block);
  CHECK(*big.block == 1);
  CHECK(big.meta->next_block == 2);
  const json form = big.to_json();
  CHECK_FALSE(form.contains("records"));
  std::vector<sync::Record> in_block;
  REQUIRE(sync::decode_block(big.block_bytes(), in_block).ok());
  CHECK(in_block == big.records);
  CHECK(form["block_keys"][0] == json::array({"station", big.records[0].id}));

  const StoreWrite small = store.on_pulled(station_page(500, kBlockMinRecords - 1, 101), kNow, "");
  CHECK_FALSE(small.block);
  CHECK(small.to_json()["records"].size() == kBlockMinRecords - 1);
  CHECK(small.block_bytes().empty());
  CHECK(store.on_pulled(station_page(900, kBlockMinRecords, 102), kNow, "").block == 2);
  // The key counts on across a reopen.
  CHECK(StoreMeta::from_json(store.meta().to_json()).value().next_block == 3);
}

TEST_CASE_FIXTURE(Phone, "a compaction rewrites every base record once, in blocks, then drops the blocks before it") {
  store.on_pulled(station_page(1, 250, 100), kNow, "");  // block 1
  REQUIRE(rename("本机名字"));                          // pending: the view differs, the base does not
  CHECK_FALSE(store.compacting());
  CHECK(store.compaction_step().empty());
  store.begin_compaction();
  REQUIRE(store.compacting());
  std::vector<StoreWrite> steps;
  while (store.compacting()) steps.push_back(store.compaction_step(100));
  // 251 records (the unit and 250 stations) in blocks of 100, then the drop.
  REQUIRE(steps.size() == 4);
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < 3; ++i) {
    REQUIRE(steps[i].block);
    CHECK(*steps[i].block == static_cast<std::int64_t>(i) + 2);
    CHECK(steps[i].meta->next_block == *steps[i].block + 1);
    CHECK(steps[i].meta->compaction_from == 2);
    CHECK(steps[i].meta->compacted_through == std::pair{steps[i].records.back().kind, steps[i].records.back().id});
    for (const auto& r : steps[i].records) {
      CHECK(seen.insert({r.kind, r.id}).second);
      // The base, not the pending view.
      if (r.id == kStation) CHECK(r.str("name") == "驿站1");
      else CHECK(r == *store.records().get(r.kind, r.id));
    }
  }
  CHECK(seen.size() == store.record_count());
  CHECK(steps[3].drop_blocks_before == 2);
  CHECK(steps[3].records.empty());
  CHECK(steps[3].meta->compaction_from == 0);
  CHECK_FALSE(steps[3].empty());
  CHECK(store.compaction_step().empty());  // done stays done
}

TEST_CASE_FIXTURE(Phone, "a compaction cut short goes on from where its last written step stopped") {
  store.on_pulled(station_page(1, 250, 100), kNow, "");
  store.begin_compaction();
  const StoreWrite first = store.compaction_step(100);
  // The app closes here; the store opens again from what was written.
  const StoreMeta stored = StoreMeta::from_json(first.meta->to_json()).value();
  CHECK(stored == *first.meta);
  LocalStore reopened(stored, staff);
  std::vector<sync::Record> base{unit_record()};  // nothing pending: the view is the base
  for (const sync::Record* r : store.records().all("station")) base.push_back(*r);
  reopened.load(std::move(base), {});
  REQUIRE(reopened.compacting());
  reopened.begin_compaction();  // already under way: it does not start again
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : first.records) seen.insert({r.kind, r.id});
  StoreWrite step = reopened.compaction_step(100);
  CHECK(*step.block == *first.block + 1);
  for (; reopened.compacting(); step = reopened.compaction_step(100))
    for (const auto& r : step.records) CHECK(seen.insert({r.kind, r.id}).second);
  CHECK(seen.size() == reopened.record_count());
  CHECK(step.drop_blocks_before == first.block);  // the cut-short run's blocks are kept: they are part of it
}

namespace {
// A member of the district as the server sends it: a record the first screens can do without.
json wire_member(int i, std::int64_t seq, const std::string& name) {
  sync::Record r;
  r.kind = "member";
  char id[40];
  std::snprintf(id, sizeof id, "3c3c3c3c-0000-4000-8000-%012d", i);
  r.id = id;
  r.fields = {{"name", name}, {"unit_id", kUnit}, {"status", "active"}};
  for (const auto& [f, _] : r.fields.items()) r.stamps.set(f, sync::Hlc{kNow - 60'000, 0, "server-side-tablet"});
  r.seq = seq;
  return r.to_json();
}

json member_page(int from, int n, std::int64_t cursor) {
  std::vector<json> records;
  for (int i = from; i < from + n; ++i) records.push_back(wire_member(i, cursor, "会员" + std::to_string(i)));
  return page(records, cursor, true);
}
}  // namespace

TEST_CASE("what opens later: members and settled work; what waits for the union and reference data open first") {
  sync::MemoryRecords records;
  sync::Record r;
  r.kind = "member";
  CHECK(opens_later(r, records));
  r.kind = "service_request";
  r.id = "waiting";
  r.fields = {{"status", "ordered"}};
  CHECK_FALSE(opens_later(r, records));
  records.put(r);
  r.id = "settled";
  r.fields = {{"status", "confirmed"}};
  CHECK(opens_later(r, records));
  records.put(r);
  // A request's messages go with it; one whose request is not here opens first.
  sync::Record message;
  message.kind = "request_message";
  for (const auto& [request, later] : {std::pair{"waiting", false}, std::pair{"settled", true}, std::pair{"absent", false}}) {
    message.fields = {{"request_id", request}};
    CHECK(opens_later(message, records) == later);
  }
  r.kind = "membership_application";
  r.fields = {{"status", "submitted"}};
  CHECK_FALSE(opens_later(r, records));
  r.fields = {{"status", "approved"}};
  CHECK(opens_later(r, records));
  for (const char* kind : {"unit", "station", "provider", "event", "event_session", "campaign", "article"}) {
    r.kind = kind;
    CHECK_FALSE(opens_later(r, records));
  }
}

TEST_CASE_FIXTURE(Phone, "a big base is compacted in two tiers: the blocks of what opens later first, named in the meta") {
  const int members = static_cast<int>(kTieredFrom);
  store.on_pulled(station_page(1, 300, 100), kNow, "");
  for (int from = 1; from <= members; from += 1000) store.on_pulled(member_page(from, 1000, 101), kNow, "");
  REQUIRE(store.wants_tiers());
  store.begin_compaction();
  CHECK_FALSE(store.wants_tiers());
  std::vector<StoreWrite> steps;
  while (store.compacting()) steps.push_back(store.compaction_step());
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<std::int64_t> later;
  bool hot_started = false;
  for (const StoreWrite& w : steps) {
    if (!w.block) continue;
    const bool later_block = opens_later(w.records.front(), store.records());
    for (const auto& r : w.records) {
      CHECK(opens_later(r, store.records()) == later_block);  // a block is of one tier
      CHECK(seen.insert({r.kind, r.id}).second);
    }
    if (later_block) {
      CHECK_FALSE(hot_started);  // what opens later is written first
      later.push_back(*w.block);
    } else {
      hot_started = true;
    }
  }
  CHECK(seen.size() == store.record_count());
  CHECK(later.size() == kTieredFrom / kCompactionRecords);
  CHECK(store.meta().later_blocks == later);
  CHECK(store.meta().tiered);
  CHECK(steps.back().drop_blocks_before == *steps.front().block);
  CHECK_FALSE(store.wants_tiers());
  const StoreMeta stored = StoreMeta::from_json(store.meta().to_json()).value();
  CHECK(stored == store.meta());

  // A new compaction forgets them at once: until it ends, every block is read in key order.
  store.begin_compaction();
  CHECK(store.meta().later_blocks.empty());
}

TEST_CASE_FIXTURE(Phone, "a big base with nothing that opens later is compacted in tiers once, not after every sync") {
  for (int from = 1; from <= static_cast<int>(kTieredFrom); from += 1000) store.on_pulled(station_page(from, 1000, 100), kNow, "");
  REQUIRE(store.wants_tiers());
  store.begin_compaction();
  while (store.compacting()) store.compaction_step();
  CHECK(store.meta().later_blocks.empty());
  CHECK(store.meta().tiered);
  CHECK_FALSE(store.wants_tiers());
  CHECK(StoreMeta::from_json(store.meta().to_json()).value().tiered);
}

TEST_CASE_FIXTURE(Phone, "a compaction cut short in its first pass goes on in that pass, and tiers stay whole") {
  store.on_pulled(station_page(1, 100, 100), kNow, "");
  for (int from = 1; from <= static_cast<int>(kTieredFrom); from += 1000) store.on_pulled(member_page(from, 1000, 101), kNow, "");
  store.begin_compaction();
  const StoreWrite first = store.compaction_step(1500);
  CHECK(first.meta->compaction_pass == 0);
  const StoreMeta stored = StoreMeta::from_json(first.meta->to_json()).value();
  CHECK(stored.compaction_later == std::vector<std::int64_t>{*first.block});
  LocalStore reopened(stored, staff);
  std::vector<sync::Record> base;
  for (const char* kind : {"unit", "station", "member"})
    for (const sync::Record* r : store.records().all(kind)) base.push_back(*r);
  reopened.load(std::move(base), {});
  std::set<std::string> ids;
  for (const auto& r : first.records) ids.insert(r.id);
  std::vector<std::int64_t> later{*first.block};
  while (reopened.compacting()) {
    const StoreWrite step = reopened.compaction_step(1500);
    if (!step.block) break;
    if (opens_later(step.records.front(), reopened.records())) later.push_back(*step.block);
    for (const auto& r : step.records) CHECK(ids.insert(r.id).second);
  }
  CHECK(ids.size() == reopened.record_count());
  CHECK(reopened.meta().later_blocks == later);
}

TEST_CASE_FIXTURE(Phone, "the later part fills in what the first lacked, never over a form as new, and pending changes show on it") {
  // The first part: the unit, and member 1 as a pull after the compaction left it (seq 20).
  LocalStore opened(meta, staff);
  const std::string pending_op = "0b0b0b0b-0000-4000-8000-000000000099";
  OutboxEntry e;
  e.op.op_id = pending_op;
  e.op.kind = "station";
  e.op.id = kStation;
  e.op.set = {{"name", "本机名字"}};
  e.op.hlc = sync::Hlc{kNow, 0, "phone-1"};
  e.order = 1;
  e.saved_at = kNow;
  opened.load({unit_record(), sync::Record::from_json(wire_member(1, 20, "新名字")).value()}, {e});
  CHECK(opened.records().get("station", kStation) == nullptr);  // its base is in the later part
  CHECK(opened.pending_count() == 1);

  // The later part: member 1 older (seq 10), member 2 absent until now, the station's base.
  sync::Record later_member1 = sync::Record::from_json(wire_member(1, 10, "旧名字")).value();
  sync::Record member2 = sync::Record::from_json(wire_member(2, 10, "会员2")).value();
  sync::Record station = sync::Record::from_json(wire_station(5, "驿站", kNow - 60'000)).value();
  opened.load_later({later_member1, member2, station});
  CHECK(opened.records().get("member", later_member1.id)->str("name") == "新名字");
  CHECK(opened.records().get("member", member2.id)->str("name") == "会员2");
  CHECK(opened.records().get("station", kStation)->str("name") == "本机名字");  // the pending rename on its base
  // A later form with a higher seq is the newer (a row its block replaced was older than it).
  opened.load_later({sync::Record::from_json(wire_member(2, 30, "更新的名字")).value()});
  CHECK(opened.records().get("member", member2.id)->str("name") == "更新的名字");
}

TEST_CASE_FIXTURE(Phone, "a message whose request settles while the compaction runs is still written once at least") {
  const auto wire = [](const char* kind, const char* id, json fields, std::int64_t seq) {
    sync::Record r;
    r.kind = kind;
    r.id = id;
    r.fields = std::move(fields);
    for (const auto& [f, _] : r.fields.items()) r.stamps.set(f, sync::Hlc{kNow - 60'000 + seq, 0, "server-side-tablet"});
    r.seq = seq;
    return r.to_json();
  };
  store.on_pulled(page({wire("article", "a1", {{"title", "工会知识"}}, 5),
                        wire("service_request", "r1", {{"status", "ordered"}, {"unit_id", kUnit}}, 5),
                        wire("request_message", "m1", {{"request_id", "r1"}, {"text", "老板欠薪"}}, 5)},
                       5),
                  kNow, "");
  for (int from = 1; from <= static_cast<int>(kTieredFrom); from += 1000) store.on_pulled(member_page(from, 1000, 100), kNow, "");
  store.begin_compaction();
  std::set<std::string> written;
  const auto step = [&](std::size_t records) {
    const StoreWrite w = store.compaction_step(records);
    for (const auto& r : w.records) written.insert(r.id);
  };
  for (std::size_t i = 0; i < kTieredFrom / kCompactionRecords; ++i) step(kCompactionRecords);  // the members
  step(1);  // the first pass is done; the second writes the article
  REQUIRE(store.meta().compaction_pass == 1);
  REQUIRE(written.count("a1") == 1);
  CHECK(written.count("m1") == 0);  // its request waited: the message opens first, in the second pass
  // The request is settled on the server before the second pass reaches the message.
  store.on_pulled(page({wire("service_request", "r1", {{"status", "confirmed"}, {"unit_id", kUnit}}, 300)}, 300), kNow, "");
  while (store.compacting()) step(kCompactionRecords);
  CHECK(written.count("m1") == 1);
}
