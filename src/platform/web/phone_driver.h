#pragma once
// The phone's services on the web: the session and device id in IndexedDB, the person's local
// store opened from IndexedDB, the sync engine run with fetch and timers, and every change
// persisted in order, one transaction each. It keeps AppState's sync status current.
#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app_state.h"
#include "app/phone.h"
#include "app/sync_engine.h"

namespace nx::platform {

class PhoneDriver final : public app::PhoneServices {
 public:
  explicit PhoneDriver(app::AppState& state) : state_(state) {}

  // Reads the device id and any saved session, and opens that person's store.
  void start();
  void set_online(bool online);

  void sign_in_worker(const std::string& phone, const std::string& pin) override;
  void register_worker(const std::string& phone, const std::string& name, const std::string& pin) override;
  void sign_in_staff(const std::string& username, const std::string& password) override;
  void export_data(bool members_csv) override;
  bool sign_out() override;
  void sync_now() override;
  using app::PhoneServices::save;
  Result<app::StoreWrite> save(const std::vector<app::Change>& changes) override;
  void discard(const std::string& op_id) override;
  const sync::RecordSource* records() const override { return store_ ? &store_->records() : nullptr; }
  std::uint64_t records_revision() const override { return store_ ? store_->revision() : 0; }
  std::vector<const app::OutboxEntry*> refused() const override;
  bool unsynced(const std::string& kind, const std::string& id) const override {
    return store_ && store_->has_pending(kind, id);
  }
  std::string new_id() override;
  void load_history(const std::string& kind, const std::string& id) override;
  std::string device_id() const override { return store_ ? store_->meta().device_id : device_id_; }
  void apply_update() override;

 private:
  void authenticate(const std::string& path, const nlohmann::json& body);
  void open_store(const nlohmann::json& session);
  void persist(app::StoreWrite write, bool announce_saved = false);
  void write_next();
  void pump();
  void schedule(std::int64_t in_ms);
  void refresh_status();
  void storage_status();

 public:
  void on_storage_status(int persisted, std::int64_t used);

 private:

  app::AppState& state_;
  std::string device_id_;
  std::string token_;
  bool online_ = false;
  std::unique_ptr<app::LocalStore> store_;
  std::unique_ptr<app::SyncEngine> engine_;
  std::uint64_t engine_generation_ = 0;  // answers to an earlier person's requests are dropped
  struct PendingWrite {
    std::string user_id;   // whose store: writes never cross to the next person signing in
    nlohmann::json write;  // the StoreWrite
    bool announce_saved;   // tell the person "已保存在本机" once committed
  };
  std::deque<PendingWrite> writes_;
  std::set<std::string> signed_out_;  // people whose store was deleted at sign-out
  bool writing_ = false;
  long timer_ = 0;
  std::int64_t timer_due_ = 0;

  friend void on_timer(void*);
};

}  // namespace nx::platform
