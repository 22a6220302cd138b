#pragma once
// What the phone's runtime (phone_runtime.h) needs from the platform, and nothing more: a way
// to send HTTP requests, storage that keeps a person's records and outbox, timers and the
// clock, and a few facts and acts of the device. src/platform/web implements them over fetch,
// IndexedDB and the browser's timers, as thinly as an imgui backend implements a platform;
// tests implement them with fakes whose answers they control.
//
// Every call returns at once; the callbacks run later, on the same thread, each exactly once
// (unless the page goes away first).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/sync/record.h"

namespace nx::app {

struct HttpResponse {
  int status = 0;         // 0: no answer (offline, refused, timed out)
  std::string body;
  int retry_after_s = 0;  // Retry-After, when sent
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // `path` is under the API's base ("/api/v1/..."); `token` empty: no Authorization header.
  virtual void request(const std::string& method, const std::string& path, const std::string& body,
                       const std::string& token, std::function<void(HttpResponse)> done) = 0;
};

// What storage held for a person when their store was opened.
struct StoredPerson {
  nlohmann::json meta;                  // null when the store is new
  std::vector<nlohmann::json> outbox;   // OutboxEntry forms, in order
  // The base's records, oldest form first: where a record comes more than once, the later form
  // is the newer (blocks in key order, then single rows; see local_store.h). Forms this version
  // cannot read are left out.
  std::vector<sync::Record> records;
  std::size_t entries = 0;  // record forms read, blocks' and rows' (a record may be in several)
  std::size_t rows = 0;     // of them, single rows
  std::size_t blocks = 0;
  std::size_t text_blocks = 0;  // of them, blocks in the JSON text an earlier version wrote
};

// One store per person who signed in on this device (another person never reads it), and a
// small shared key-value store for the device id and the session.
class Storage {
 public:
  virtual ~Storage() = default;
  // Opens (creating or migrating) the person's store and reads it in two parts: `done` with
  // everything but the blocks that its meta lists as later_blocks (app::StoreMeta), and then,
  // once those are read too, `later` with their records (called with none when there are
  // none; ok false when one could not be read). Between the two the page runs as usual: the
  // first screen is up while the rest is read. `progress(done)` reports records read so far
  // when there are many.
  virtual void open_person(const std::string& user_id, std::function<void(int done)> progress,
                           std::function<void(bool ok, StoredPerson stored, const std::string& error)> done,
                           std::function<void(bool ok, std::vector<sync::Record> later)> later) = 0;
  // Runs one StoreWrite (its JSON form, and its block's bytes when it writes a block) as one
  // transaction; ok only once it is durable.
  virtual void write(const std::string& user_id, const nlohmann::json& store_write, const std::string& block,
                     std::function<void(bool ok)> done) = 0;
  // Deletes the person's store (they signed out with nothing left to sync).
  virtual void forget_person(const std::string& user_id) = 0;
  virtual void kv_get(const std::string& key, std::function<void(nlohmann::json value)> done) = 0;
  virtual void kv_put(const std::string& key, const nlohmann::json& value, std::function<void(bool ok)> done) = 0;
};

class Timers {
 public:
  virtual ~Timers() = default;
  virtual std::int64_t now_ms() const = 0;  // wall clock, ms since 1970
  // Runs `fn` once after `ms`; the id cancels it.
  virtual std::uint64_t set_timeout(std::int64_t ms, std::function<void()> fn) = 0;
  virtual void clear_timeout(std::uint64_t id) = 0;
};

class DeviceFacts {
 public:
  virtual ~DeviceFacts() = default;
  virtual double random01() = 0;  // cryptographically random, in [0, 1)
  // The screen may show something else now (the platform draws a frame).
  virtual void changed() = 0;
  // What one frame has lately cost the page in all (drawing, and the browser's own work until
  // it takes the next task), in ms; 0 when not known yet. A phone that draws without a GPU
  // pays hundreds of ms a frame, and background work shows its progress less often there.
  virtual double frame_cost_ms() const = 0;
  // A change the person made is committed to storage (the page's "nuanxin-saved" event).
  virtual void saved() = 0;
  // Hands the person a file.
  virtual void download(const std::string& name, const std::string& type, const std::string& data) = 0;
  // Asks the browser to keep this app's data when space runs low, and how much it keeps:
  // `done(persisted, used_bytes)`; never called where the browser cannot tell.
  virtual void storage_estimate(std::function<void(bool persisted, std::int64_t used)> done) = 0;
  // Staff check member cards offline: keep the server's card key while there is signal.
  virtual void refresh_card_key() = 0;
  // Switches to the downloaded new version of the app (reloads the page).
  virtual void apply_update() = 0;
};

}  // namespace nx::app
