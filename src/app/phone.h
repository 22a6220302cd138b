#pragma once
// What the screens can ask of the phone (declared here, carried out by src/platform): sign in,
// save a change, sync, discard a refused change. Answers arrive later and show up in AppState.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/local_store.h"

namespace nx::app {

class PhoneServices {
 public:
  virtual ~PhoneServices() = default;
  virtual void sign_in_worker(const std::string& phone, const std::string& pin) = 0;
  virtual void register_worker(const std::string& phone, const std::string& name, const std::string& pin) = 0;
  virtual void sign_in_staff(const std::string& username, const std::string& password) = 0;
  // Downloads the person's own data as JSON; for staff, also their unit's members as CSV.
  virtual void export_data(bool members_csv) = 0;
  // Refused (returns false) while changes wait to be synced: they would be lost.
  virtual bool sign_out() = 0;
  virtual void sync_now() = 0;
  // Applies the changes on this phone at once, all of them or (when the rules refuse one) none,
  // and stores them in one transaction; "saved" shows once storage committed it.
  virtual Result<StoreWrite> save(const std::vector<Change>& changes) = 0;
  Result<StoreWrite> save(const Change& change) { return save(std::vector<Change>{change}); }
  virtual void discard(const std::string& op_id) = 0;
  // The records on this phone (null before sign-in).
  virtual const sync::RecordSource* records() const = 0;
  // Moves on whenever records() may show something else: screens keep what they computed from
  // the records (a dashboard) until it does.
  virtual std::uint64_t records_revision() const = 0;
  // The records (kind, id) that may show differently since `revision`, or none when the
  // phone no longer knows (sync::LayeredRecords::changed_since): a screen that keeps much work
  // from the records updates it instead of starting again.
  virtual std::optional<std::vector<std::pair<std::string, std::string>>> records_changed_since(std::uint64_t revision) const = 0;
  virtual std::vector<const OutboxEntry*> refused() const = 0;
  // True while a change to this record waits to reach the server.
  virtual bool unsynced(const std::string& kind, const std::string& id) const = 0;
  virtual std::string new_id() = 0;
  // Asks the server for a record's audit trail; the answer lands in AppState::history.
  virtual void load_history(const std::string& kind, const std::string& id) = 0;
  // This device's id (a handout names the device that recorded it).
  virtual std::string device_id() const = 0;
  // Switches to the new version of the app that has been downloaded (reloads the page).
  virtual void apply_update() = 0;
};

}  // namespace nx::app
