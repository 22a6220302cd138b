#pragma once
// The phone's runtime: who is signed in, their local store opened from storage, the sync
// engine run over HTTP and timers, every change persisted in order, one transaction each, and
// the outcome of each told to the person. It keeps AppState's person and sync status current.
//
// Everything that touches the browser is behind ports.h, so all of it runs natively in tests.
// Rules it keeps:
//   - A person's writes are stored in the order they were made, to that person's store, even
//     when they complete after someone else signed in; a failed write is retried, never lost.
//   - Signing out (allowed only when nothing waits to be synced) deletes the person's store
//     and leaves nothing of them in AppState: not their role, unit, phone or half-typed forms.
//   - Answers to an earlier person's requests are dropped.
#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/phone.h"
#include "app/ports.h"
#include "app/sync_engine.h"

namespace nx::app {

// How often background work may redraw (PhoneRuntime::redraw_for_progress).
inline constexpr int kProgressFramesPerSecond = 4;

class PhoneRuntime final : public PhoneServices {
 public:
  PhoneRuntime(AppState& state, HttpClient& http, Storage& storage, Timers& timers, DeviceFacts& device);
  ~PhoneRuntime() override;
  PhoneRuntime(const PhoneRuntime&) = delete;
  PhoneRuntime& operator=(const PhoneRuntime&) = delete;

  // Reads the device id and any saved session, and opens that person's store.
  void start();
  // The browser's online state (online/offline events, and at start).
  void set_online(bool online);

  void sign_in_worker(const std::string& phone, const std::string& pin) override;
  void register_worker(const std::string& phone, const std::string& name, const std::string& pin) override;
  void sign_in_staff(const std::string& username, const std::string& password) override;
  void export_data(bool members_csv) override;
  bool sign_out() override;
  void sync_now() override;
  using PhoneServices::save;
  Result<StoreWrite> save(const std::vector<Change>& changes) override;
  void discard(const std::string& op_id) override;
  const sync::RecordSource* records() const override { return store_ ? &store_->records() : nullptr; }
  std::uint64_t records_revision() const override { return store_ ? store_->revision() : 0; }
  std::optional<std::vector<std::pair<std::string, std::string>>> records_changed_since(std::uint64_t revision) const override {
    return store_ ? store_->changed_since(revision) : std::nullopt;
  }
  std::vector<const OutboxEntry*> refused() const override;
  bool unsynced(const std::string& kind, const std::string& id) const override {
    return store_ && store_->has_pending(kind, id);
  }
  std::string new_id() override;
  void load_history(const std::string& kind, const std::string& id) override;
  std::string device_id() const override { return store_ ? store_->meta().device_id : device_id_; }
  void apply_update() override { device_.apply_update(); }

  // Writes queued or being written, for every person (tests and the page's state()).
  std::size_t writes_waiting() const { return writes_.size(); }

 private:
  void authenticate(const std::string& path, const nlohmann::json& body);
  void open_store(const nlohmann::json& session);
  // The person's store, its sync and what opening it still holds, let go of.
  void close_store();
  void load_later_slice(std::uint64_t opening);
  void persist(StoreWrite write, bool announce_saved = false, bool background = false);
  static bool needs_compaction(const StoredPerson& stored, std::size_t live_records);
  void compact_when_idle();
  void write_next();
  void pump();
  void schedule(std::int64_t in_ms);
  void refresh_status();
  // Background work (a big store opening, pages pulled) is shown at most kProgressFramesPerSecond
  // times a second, and less often where a frame costs much (DeviceFacts::frame_cost_ms), the
  // last state always: on a phone drawing without a GPU a frame costs up to 200 ms, and a
  // frame for every batch made a district's store take minutes to open.
  void redraw_for_progress();
  std::string now_iso() const;
  // Wraps a callback so that it does nothing once this runtime is gone.
  template <typename F>
  auto guarded(F f);

  AppState& state_;
  HttpClient& http_;
  Storage& storage_;
  Timers& timers_;
  DeviceFacts& device_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);

  std::string device_id_;
  std::string token_;
  bool online_ = false;
  std::unique_ptr<LocalStore> store_;
  // How much opening the store read (counts only), and whether all of it is in: until the
  // later blocks are, nothing may rewrite the store from what it holds.
  StoredPerson opened_;
  bool whole_ = false;
  std::vector<sync::Record> later_;  // the later part, joining the store slice by slice
  std::size_t later_from_ = 0;
  std::unique_ptr<SyncEngine> engine_;
  std::uint64_t engine_generation_ = 0;  // answers to an earlier person's requests are dropped
  std::uint64_t opening_ = 0;            // the store being opened; a later sign-in supersedes it
  struct PendingWrite {
    std::string user_id;   // whose store: writes never cross to the next person signing in
    nlohmann::json write;  // the StoreWrite
    std::string block;     // its block's bytes (StoreWrite::block_bytes), when it writes one
    bool announce_saved;   // tell the person "已保存在本机" once committed
    bool background;       // storage's own work (a compaction step), not a change to report as saving
  };
  std::deque<PendingWrite> writes_;
  std::set<std::string> signed_out_;  // people whose store was deleted at sign-out
  bool writing_ = false;
  std::uint64_t timer_ = 0;
  std::int64_t timer_due_ = 0;
  std::int64_t last_progress_redraw_ms_ = 0;
  std::uint64_t progress_timer_ = 0;
  std::uint64_t retry_timer_ = 0;
};

// Everything of the person who was signed in, forgotten: a fresh AppState that keeps only what
// belongs to the device (language, text size, the downloaded update, storage figures, the
// connection, the services).
void forget_person(AppState& state);

}  // namespace nx::app
