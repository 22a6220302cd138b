#pragma once
// The phone's data, as three parts:
//   base    the records as the server last sent them (or as an acknowledged op left them)
//   outbox  the changes made here that the server has not acknowledged, in order
//   view    base + the pending changes replayed with the core's rules: what screens show
// Keeping base and outbox apart makes every case exact: a pulled record never overwrites a
// pending edit (the edit is replayed on top, and the newer stamp wins field by field), and a
// change the server refused, once discarded, leaves the record as the server has it.
//
// Pure: no browser, no clock. Each step returns the StoreWrite to persist in ONE transaction
// (IndexedDB on the phone); the caller tells the person "saved" only after it committed.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/outbox.h"
#include "core/access.h"
#include "core/sync/hlc.h"
#include "core/sync/layered_records.h"

namespace nx::app {

// The store's own state, kept beside the records.
struct StoreMeta {
  int schema = 1;
  std::string device_id;
  sync::Hlc clock;           // the latest stamp issued or seen here
  std::int64_t cursor = 0;   // the server sequence the next pull starts after
  std::int64_t next_order = 1;
  std::string last_sync;     // ISO time of the last completed sync; empty if never
  std::int64_t next_block = 1;  // the key of the next block of records written (StoreWrite::block)
  // A rewrite of the base as blocks under way (LocalStore::compaction_step), kept here so that
  // one cut short by closing the app goes on where it stopped instead of starting again: the
  // first block it wrote (0: none under way) and the last record (kind, id) it rewrote.
  std::int64_t compaction_from = 0;
  std::optional<std::pair<std::string, std::string>> compacted_through;
  // A compaction writes the records that can open later (opens_later) first, then the rest:
  // which of the two it is on, and the blocks of the first kind it has written so far.
  int compaction_pass = 0;
  std::vector<std::int64_t> compaction_later;
  std::int64_t compaction_seq = 0;  // the cursor when it began: base records above it changed since
  // The blocks the last finished compaction wrote of records that can open later: opening
  // reads them after the first screen is up (LocalStore::load_later). Empty while a
  // compaction is under way: every block is then read in key order, as before there were tiers.
  std::vector<std::int64_t> later_blocks;
  bool tiered = false;  // the last finished compaction split the base in two (later_blocks may be none)

  nlohmann::json to_json() const;
  static Result<StoreMeta> from_json(const nlohmann::json& j);
  bool operator==(const StoreMeta&) const = default;
};

// How storage holds the base: blocks of many records, each one value, which a store reads in a
// few large reads when it opens (a district's 220,000 records as single rows took minutes),
// and rows of one record each for the few that single changes write. A record's newest form is
// its row when it has one, else its form in the highest-keyed block holding it: a block's write
// deletes the rows of its records, so a row is always newer than every block.
inline constexpr std::size_t kBlockMinRecords = 64;     // a pulled page this big is written as a block
inline constexpr std::size_t kCompactionRecords = 2000;  // records a compaction step rewrites
// A base this big is compacted in two tiers (below: one, since it opens in a moment anyway).
inline constexpr std::size_t kTieredFrom = 10000;

// Whether the first screens can do without a record for the second or two that the rest of a
// big store takes to load: a district's members, its settled applications and requests, and
// the records of single people (registrations, handouts, visits, bookings). What waits for the
// union (待办) and the reference data (units, stations, providers, events) open first. A
// request's messages go with it.
bool opens_later(const sync::Record& r, const sync::RecordSource& records);

// One transaction's worth of writes.
struct StoreWrite {
  std::vector<sync::Record> records;          // base records to put
  std::optional<std::int64_t> block;          // set: `records` go as one block with this key
  std::optional<std::int64_t> drop_blocks_before;  // blocks with lower keys are deleted
  std::vector<OutboxEntry> outbox_put;
  std::vector<std::string> outbox_delete;     // op ids
  std::optional<StoreMeta> meta;
  bool empty() const {
    return records.empty() && !drop_blocks_before && outbox_put.empty() && outbox_delete.empty() && !meta;
  }
  // What the platform's storage layer executes: {records: [forms]} as rows, or {block,
  // block_keys: [[kind, id]]} with the block's value (block_bytes) beside it; drop_blocks_before,
  // outbox_put, outbox_delete, meta.
  nlohmann::json to_json() const;
  // The block's value: its records in the compact binary form (core/sync/record_block.h), which
  // opens without any text to parse and takes a sixth of the forms' JSON text. Empty: no block.
  std::string block_bytes() const;
};

// A change the person makes: set fields, fire a workflow step (with its parameters), or delete.
struct Change {
  std::string kind;
  std::string id;
  nlohmann::json set = nlohmann::json::object();
  std::string transition;
  bool del = false;
};

// Changes as the page bridge receives them (window.nuanxin.save): one {kind, id, set?,
// transition?, delete?} or an array of them. Null when the form is not that.
std::optional<std::vector<Change>> changes_from_json(const nlohmann::json& j);

class LocalStore {
 public:
  explicit LocalStore(StoreMeta meta, Actor actor);

  // Startup: what storage held. Rebuilds the view; entries that fail to decode are skipped by
  // the caller, never here. A big store opens in two steps: load() with everything but the
  // blocks in StoreMeta::later_blocks, then, once those are read, load_later() with their
  // records; the store is in use between the two (changes, pulls, acknowledgements).
  void load(std::vector<sync::Record> base, std::vector<OutboxEntry> outbox);
  // Each record goes into the base unless the base already holds a form at least as new (by the
  // server's seq: a later block's form is never newer than what was read or written after it,
  // see compaction_step); the view of one with pending changes is worked out again. May be
  // called with the later part a slice at a time.
  void load_later(std::vector<sync::Record> later);

  const sync::RecordSource& records() const { return records_; }
  // Moves on whenever what records() shows may have changed.
  std::uint64_t revision() const { return records_.revision(); }
  std::optional<std::vector<sync::LayeredRecords::Key>> changed_since(std::uint64_t revision) const {
    return records_.changed_since(revision);
  }
  const StoreMeta& meta() const { return meta_; }
  const Actor& actor() const { return actor_; }

  // Applies a change here and now with the core's rules (instant feedback with no network)
  // and queues it. The refusal, when the rules say no, changes nothing.
  Result<StoreWrite> change(const Change& c, const std::string& op_id, std::int64_t now_ms);
  // Several changes that belong together (an application and its submit step): all applied
  // and one write, or, when the rules refuse one, none of them.
  Result<StoreWrite> change_all(const std::vector<Change>& changes, const std::function<std::string()>& new_op_id,
                                std::int64_t now_ms);

  // The pending ops to push next, oldest first.
  std::vector<sync::Op> next_batch(std::size_t max) const;
  // The server's {results:[...]} for a push: acknowledged ops leave the outbox (their effect
  // moves into base), refused ones stay with the reason.
  StoreWrite on_push_results(const nlohmann::json& results, std::int64_t now_ms, const std::string& now_iso);
  // The server refused a whole batch (a 400): every op of it stays, refused, with that reason.
  StoreWrite reject_all(const std::vector<sync::Op>& batch, const Error& reason);
  // One page of GET /sync/pull.
  StoreWrite on_pulled(const nlohmann::json& page, std::int64_t now_ms, const std::string& now_iso);
  // The person gives up a refused change; the record shows what the server has.
  StoreWrite discard(const std::string& op_id);

  // Compaction, a rewrite of the whole base as blocks: begin_compaction(), then
  // compaction_step() while compacting(), each step's write persisted before the next step is
  // taken (so each block is the base exactly as stored then; writes made between steps go on as
  // usual and stay newer). The last step drops the blocks from before it began. A compaction
  // under way when the store was last written goes on (compacting() is true from the load).
  // A base of kTieredFrom records or more is written in two passes: the records that open
  // later first (their blocks become StoreMeta::later_blocks when the last step is written),
  // then the rest. Such a block is read after every other block and row, and its form of a
  // record counts only where nothing read before has one with a seq as high: a form written
  // after it is as new or newer, and one written before it (a row it deleted, an earlier
  // block) is never newer than the base it copied.
  void begin_compaction();
  bool compacting() const { return meta_.compaction_from != 0; }
  // A big base that no compaction has split into tiers yet (after a first sync, say): one
  // would let it open from its first tier.
  bool wants_tiers() const { return !compacting() && !meta_.tiered && records_.base().size() >= kTieredFrom; }
  StoreWrite compaction_step(std::size_t max_records = kCompactionRecords);

  std::size_t record_count() const { return records_.size(); }
  bool has_pending(const std::string& kind, const std::string& id) const;
  int pending_count() const;
  int rejected_count() const;
  std::vector<const OutboxEntry*> rejected() const;

 private:
  // view(kind, id) = base + pending ops on it, replayed in order.
  void rebuild(const std::string& kind, const std::string& id, std::int64_t now_ms);
  OutboxEntry* find_entry(const std::string& op_id);
  // The outbox and its indexes change together, only here.
  void add_entry(OutboxEntry e);
  void remove_entry(std::int64_t order);

  StoreMeta meta_;
  Actor actor_;
  sync::HlcClock clock_;
  // The base, with the view's records that pending changes make differ laid over it.
  sync::LayeredRecords records_;
  std::map<std::int64_t, OutboxEntry> outbox_;  // by order
  // Indexes of the outbox: a phone back from a day offline may hold thousands of changes, and
  // every acknowledgement and every row drawn asks about one op or one record.
  std::unordered_map<std::string, std::int64_t> order_of_op_;
  std::map<std::pair<std::string, std::string>, std::set<std::int64_t>> orders_of_record_;  // (kind, id) -> orders
};

}  // namespace nx::app
