#pragma once
// Fakes of the runtime's ports (app/ports.h) whose answers a test controls: requests wait for
// the test to answer them, storage keeps every person's store in memory (and outlives the
// runtime, as IndexedDB outlives a page), writes can be held or made to fail, timers run when
// the test moves the clock.
#include <deque>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "app/ports.h"
#include "core/sync/record_block.h"

namespace nx::app::test {

struct FakeHttp final : HttpClient {
  struct Sent {
    std::string method, path, body, token;
    std::function<void(HttpResponse)> done;
    nlohmann::json json() const { return nlohmann::json::parse(body); }
  };
  std::deque<Sent> sent;  // not yet answered, oldest first

  void request(const std::string& method, const std::string& path, const std::string& body, const std::string& token,
               std::function<void(HttpResponse)> done) override {
    sent.push_back({method, path, body, token, std::move(done)});
  }
  // Answers the oldest request; returns what it was.
  Sent answer(int status, const nlohmann::json& body = nlohmann::json::object(), int retry_after_s = 0) {
    REQUIRE_FALSE(sent.empty());
    Sent s = std::move(sent.front());
    sent.pop_front();
    s.done(HttpResponse{status, body.dump(), retry_after_s});
    return s;
  }
  bool waiting_for(const std::string& path_start) const {
    for (const Sent& s : sent)
      if (s.path.rfind(path_start, 0) == 0) return true;
    return false;
  }
};

struct FakeStorage final : Storage {
  // Laid out as the phone's IndexedDB is (local_store.h): blocks of record forms by key, and
  // single rows that are newer than any block.
  struct Person {
    nlohmann::json meta;
    std::map<std::int64_t, nlohmann::json> outbox;                     // by order
    // key -> the block's bytes (core/sync/record_block.h), or an earlier version's JSON text
    std::map<std::int64_t, std::string> blocks;
    std::map<std::pair<std::string, std::string>, nlohmann::json> records;  // rows, by (kind, id)
  };
  std::map<std::string, Person> people;
  std::map<std::string, nlohmann::json> kv;
  bool hold_writes = false;  // writes wait for release() (a slow disk)
  int fail_writes = 0;       // the next n writes fail (a full disk, a browser error)
  struct Write {
    std::string user_id;
    nlohmann::json write;
    std::string block;
  };
  std::deque<Write> held;
  std::deque<std::function<void(bool)>> held_done;
  int writes_committed = 0;

  int progress_batches = 0;  // the open reports progress this many times first (a big store)
  // The blocks its meta lists as later_blocks are read after the first part, as the phone's
  // IndexedDB reads them; held, they wait for release_later() (a slow phone reading them).
  bool hold_later = false;
  std::function<void()> later_held;
  int later_opens = 0;  // opens that had later blocks to read
  bool fail_later = false;  // reading them fails

  void release_later() {
    REQUIRE(later_held);
    auto go = std::move(later_held);
    later_held = nullptr;
    go();
  }

  void open_person(const std::string& user_id, std::function<void(int)> progress,
                   std::function<void(bool, StoredPerson, const std::string&)> done,
                   std::function<void(bool, std::vector<sync::Record>)> later) override {
    for (int batch = 1; batch <= progress_batches; ++batch) progress(batch * 500);
    const Person& p = people[user_id];
    StoredPerson s;
    s.meta = p.meta;
    for (const auto& [order, e] : p.outbox) s.outbox.push_back(e);
    auto read = [&s](const nlohmann::json& form) {
      ++s.entries;
      if (auto r = sync::Record::from_json(form)) s.records.push_back(std::move(r).value());
    };
    std::set<std::int64_t> later_keys;
    if (p.meta.is_object() && p.meta.contains("later_blocks"))
      for (const auto& k : p.meta["later_blocks"]) later_keys.insert(k.get<std::int64_t>());
    std::vector<sync::Record> later_records;
    for (const auto& [key, value] : p.blocks) {
      if (later_keys.count(key)) {
        REQUIRE(sync::decode_block(value, later_records).ok());
        continue;
      }
      ++s.blocks;
      if (!sync::is_block(value)) {
        ++s.text_blocks;
        for (const auto& form : nlohmann::json::parse(value)) read(form);
      } else {
        const std::size_t before = s.records.size();
        REQUIRE(sync::decode_block(value, s.records).ok());
        s.entries += s.records.size() - before;
      }
    }
    for (const auto& [key, form] : p.records) {
      ++s.rows;
      read(form);
    }
    done(true, std::move(s), "");
    if (!later_keys.empty()) ++later_opens;
    auto rest = [later = std::move(later), records = std::move(later_records), failing = fail_later]() mutable {
      later(!failing, failing ? std::vector<sync::Record>{} : std::move(records));
    };
    if (hold_later) later_held = std::move(rest);
    else rest();
  }
  void write(const std::string& user_id, const nlohmann::json& w, const std::string& block,
             std::function<void(bool)> done) override {
    if (hold_writes) {
      held.push_back({user_id, w, block});
      held_done.push_back(std::move(done));
      return;
    }
    commit(user_id, w, block, done);
  }
  // Lets the oldest held write finish.
  void release() {
    REQUIRE_FALSE(held.empty());
    Write w = std::move(held.front());
    auto done = std::move(held_done.front());
    held.pop_front();
    held_done.pop_front();
    commit(w.user_id, w.write, w.block, done);
  }
  void forget_person(const std::string& user_id) override { people.erase(user_id); }
  void kv_get(const std::string& key, std::function<void(nlohmann::json)> done) override {
    auto it = kv.find(key);
    done(it == kv.end() ? nlohmann::json() : it->second);
  }
  void kv_put(const std::string& key, const nlohmann::json& value, std::function<void(bool)> done) override {
    kv[key] = value;
    done(true);
  }

 private:
  void commit(const std::string& user_id, const nlohmann::json& w, const std::string& block,
              const std::function<void(bool)>& done) {
    if (fail_writes > 0) {
      --fail_writes;
      done(false);
      return;
    }
    Person& p = people[user_id];
    if (w.contains("block")) {
      REQUIRE(sync::is_block(block));
      p.blocks[w["block"].get<std::int64_t>()] = block;
      for (const auto& key : w["block_keys"]) p.records.erase({key[0], key[1]});
    }
    if (w.contains("records"))
      for (const auto& r : w["records"]) p.records[{r["kind"], r["id"]}] = r;
    if (w.contains("drop_blocks_before"))
      std::erase_if(p.blocks, [&](const auto& kv) { return kv.first < w["drop_blocks_before"].get<std::int64_t>(); });
    for (const auto& e : w["outbox_put"]) p.outbox[e["order"].get<std::int64_t>()] = e;
    for (const auto& op_id : w["outbox_delete"])
      std::erase_if(p.outbox, [&](const auto& kv) { return kv.second["op"]["op_id"] == op_id; });
    if (w.contains("meta")) p.meta = w["meta"];
    ++writes_committed;
    done(true);
  }
};

struct FakeTimers final : Timers {
  std::int64_t now = 1782867600000;  // 2026-07-01 09:00 China time
  std::uint64_t next_id = 1;
  std::map<std::uint64_t, std::pair<std::int64_t, std::function<void()>>> timers;  // id -> (due, fn)

  std::int64_t now_ms() const override { return now; }
  std::uint64_t set_timeout(std::int64_t ms, std::function<void()> fn) override {
    timers[next_id] = {now + ms, std::move(fn)};
    return next_id++;
  }
  void clear_timeout(std::uint64_t id) override { timers.erase(id); }
  // Runs the timer due first, if one is due now; false when none is.
  bool run_due() {
    auto first = timers.end();
    for (auto it = timers.begin(); it != timers.end(); ++it)
      if (it->second.first <= now && (first == timers.end() || it->second.first < first->second.first)) first = it;
    if (first == timers.end()) return false;
    auto fn = std::move(first->second.second);
    timers.erase(first);
    fn();
    return true;
  }
  // Moves the clock on, running each timer that falls due on the way, in order.
  void advance(std::int64_t ms) {
    const std::int64_t until = now + ms;
    for (;;) {
      auto first = timers.end();
      for (auto it = timers.begin(); it != timers.end(); ++it)
        if (it->second.first <= until && (first == timers.end() || it->second.first < first->second.first)) first = it;
      if (first == timers.end()) break;
      now = std::max(now, first->second.first);
      auto fn = std::move(first->second.second);
      timers.erase(first);
      fn();
    }
    now = until;
  }
};

struct FakeDevice final : DeviceFacts {
  std::uint32_t seed = 12345;
  int changes = 0, saves = 0, card_key_refreshes = 0, updates = 0;
  std::vector<std::pair<std::string, std::string>> downloads;  // (name, data)

  double random01() override {
    seed = seed * 1664525u + 1013904223u;  // deterministic: the ids a test sees are the same every run
    return seed / 4294967296.0;
  }
  double frame_cost = 0;  // what the fake screen says a frame costs
  void changed() override { ++changes; }
  double frame_cost_ms() const override { return frame_cost; }
  void saved() override { ++saves; }
  void download(const std::string& name, const std::string&, const std::string& data) override {
    downloads.emplace_back(name, data);
  }
  void storage_estimate(std::function<void(bool, std::int64_t)> done) override { done(true, 4096); }
  void refresh_card_key() override { ++card_key_refreshes; }
  void apply_update() override { ++updates; }
};

}  // namespace nx::app::test
