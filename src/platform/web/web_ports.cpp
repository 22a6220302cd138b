#include "platform/web/web_ports.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <map>

#include "platform/web/app_update.h"
#include "platform/web/card_reader.h"
#include "platform/web/device.h"
#include "platform/web/frame_loop.h"
#include "platform/web/http.h"
#include "platform/web/idb_store.h"
#include "platform/web/page_bridge.h"

namespace nx::platform {

namespace {

// clang-format off
EM_JS(double, nx_js_random, (), {
  var a = new Uint32Array(1);
  crypto.getRandomValues(a);  // works on plain http too, unlike crypto.randomUUID
  return a[0] / 4294967296;
});

// Asks the browser to keep this app's data even when space runs low, and how much it uses.
EM_JS(void, nx_js_storage_status, (int request), {
  if (!navigator.storage || !navigator.storage.estimate) return;
  var persisted = navigator.storage.persisted ? navigator.storage.persisted() : Promise.resolve(false);
  persisted.then(function(p) { return p || (navigator.storage.persist ? navigator.storage.persist() : false); })
    .catch(function() { return false; })
    .then(function(p) {
      return navigator.storage.estimate().then(function(e) { _nx_storage_status(request, p ? 1 : 0, e.usage || 0); });
    }).catch(function() {});
});
// clang-format on

int g_next_estimate = 1;
std::map<int, std::function<void(bool, std::int64_t)>> g_estimates;

std::uint64_t g_next_timer = 1;
std::map<std::uint64_t, std::pair<long, std::function<void()>>> g_timers;  // our id -> (browser's id, what to run)

void on_timeout(void* id_ptr) {
  const auto id = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(id_ptr));
  auto it = g_timers.find(id);
  if (it == g_timers.end()) return;
  auto fn = std::move(it->second.second);
  g_timers.erase(it);
  fn();
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void nx_storage_status(int request, int persisted, double used) {
  auto it = g_estimates.find(request);
  if (it == g_estimates.end()) return;
  auto done = std::move(it->second);
  g_estimates.erase(it);
  done(persisted != 0, static_cast<std::int64_t>(used));
}

void WebHttp::request(const std::string& method, const std::string& path, const std::string& body, const std::string& token,
                      std::function<void(app::HttpResponse)> done) {
  http::request(method, path, body, token, [done = std::move(done)](http::Response r) {
    done(app::HttpResponse{r.status, std::move(r.body), r.retry_after_s});
  });
}

void WebStorage::open_person(const std::string& user_id, std::function<void(int done)> progress,
                             std::function<void(bool ok, app::StoredPerson stored, const std::string& error)> done,
                             std::function<void(bool ok, std::vector<sync::Record> later)> later) {
  idb::open_user_store(
      user_id, std::move(progress),
      [done = std::move(done)](bool ok, idb::Loaded l, const std::string& error) {
        done(ok, app::StoredPerson{std::move(l.meta), std::move(l.outbox), std::move(l.records), l.entries, l.rows, l.blocks, l.text_blocks}, error);
      },
      std::move(later));
}

void WebStorage::write(const std::string& user_id, const nlohmann::json& store_write, const std::string& block,
                       std::function<void(bool ok)> done) {
  idb::write(user_id, store_write, block, std::move(done));
}

void WebStorage::forget_person(const std::string& user_id) { idb::forget_user_store(user_id); }

void WebStorage::kv_get(const std::string& key, std::function<void(nlohmann::json value)> done) {
  idb::kv_get(key, std::move(done));
}

void WebStorage::kv_put(const std::string& key, const nlohmann::json& value, std::function<void(bool ok)> done) {
  idb::kv_put(key, value, std::move(done));
}

std::int64_t WebTimers::now_ms() const { return static_cast<std::int64_t>(emscripten_date_now()); }

std::uint64_t WebTimers::set_timeout(std::int64_t ms, std::function<void()> fn) {
  const std::uint64_t id = g_next_timer++;
  const long browser_id = emscripten_set_timeout(on_timeout, static_cast<double>(ms), reinterpret_cast<void*>(static_cast<std::uintptr_t>(id)));
  g_timers[id] = {browser_id, std::move(fn)};
  return id;
}

void WebTimers::clear_timeout(std::uint64_t id) {
  auto it = g_timers.find(id);
  if (it == g_timers.end()) return;
  emscripten_clear_timeout(it->second.first);
  g_timers.erase(it);
}

double WebDeviceFacts::random01() { return nx_js_random(); }
void WebDeviceFacts::changed() { request_frames(); }
double WebDeviceFacts::frame_cost_ms() const { return frame_cost(); }
void WebDeviceFacts::saved() { page_bridge_saved(); }
void WebDeviceFacts::download(const std::string& name, const std::string& type, const std::string& data) {
  download_file(name, type, data);
}
void WebDeviceFacts::storage_estimate(std::function<void(bool persisted, std::int64_t used)> done) {
  const int request = g_next_estimate++;
  g_estimates[request] = std::move(done);
  nx_js_storage_status(request);
}
void WebDeviceFacts::refresh_card_key() { remember_card_key(); }
void WebDeviceFacts::apply_update() { app_update_apply(); }

}  // namespace nx::platform
