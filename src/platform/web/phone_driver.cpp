#include "platform/web/phone_driver.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <cstdio>
#include <ctime>

#include "core/kinds/kind_support.h"
#include "core/uuid.h"
#include "platform/web/app_update.h"
#include "platform/web/card_reader.h"
#include "platform/web/device.h"
#include "platform/web/frame_loop.h"
#include "platform/web/http.h"
#include "platform/web/idb_store.h"
#include "platform/web/page_bridge.h"
#include "app/export.h"

namespace nx::platform {

using nlohmann::json;

namespace {

// clang-format off
EM_JS(double, nx_js_random, (), {
  var a = new Uint32Array(1);
  crypto.getRandomValues(a);  // works on plain http too, unlike crypto.randomUUID
  return a[0] / 4294967296;
});
// clang-format on

std::int64_t now_ms() { return static_cast<std::int64_t>(emscripten_date_now()); }

// clang-format off
// Asks the browser to keep this app's data even when space runs low, and how much it uses.
EM_JS(void, nx_js_storage_status, (void* driver), {
  if (!navigator.storage || !navigator.storage.estimate) return;
  var persisted = navigator.storage.persisted ? navigator.storage.persisted() : Promise.resolve(false);
  persisted.then(function(p) { return p || (navigator.storage.persist ? navigator.storage.persist() : false); })
    .catch(function() { return false; })
    .then(function(p) {
      return navigator.storage.estimate().then(function(e) { _nx_storage_status(driver, p ? 1 : 0, e.usage || 0); });
    }).catch(function() {});
});
// clang-format on

std::string now_iso() {
  const std::time_t t = static_cast<std::time_t>(now_ms() / 1000);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string error_text(const std::string& body, Locale locale, const char* fallback_zh, const char* fallback_en) {
  const json j = json::parse(body, nullptr, false);
  if (j.is_object() && j.contains("error") && j["error"].is_object()) {
    const json& e = j["error"];
    const char* key = locale == Locale::En ? "message" : "message_zh";
    if (e.contains(key) && e[key].is_string()) return e[key].get<std::string>();
  }
  return locale == Locale::En ? fallback_en : fallback_zh;
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void nx_storage_status(void* driver, int persisted, double used) {
  static_cast<PhoneDriver*>(driver)->on_storage_status(persisted, static_cast<std::int64_t>(used));
}

void PhoneDriver::on_storage_status(int persisted, std::int64_t used) {
  state_.storage_persisted = persisted;
  state_.storage_used = used;
  request_frames();
}

void on_timer(void* self) {
  auto* d = static_cast<PhoneDriver*>(self);
  d->timer_ = 0;
  d->pump();
}

std::string PhoneDriver::new_id() {
  std::array<std::uint8_t, 16> b{};
  for (std::uint8_t& x : b) x = static_cast<std::uint8_t>(nx_js_random() * 256);
  return uuid_v4(b);
}

void PhoneDriver::apply_update() { app_update_apply(); }

void PhoneDriver::start() {
  state_.services = this;
  app_update_install([this] { state_.update_available = true; });
  idb::kv_get("device_id", [this](json id) {
    if (id.is_string() && !id.get<std::string>().empty()) {
      device_id_ = id.get<std::string>();
    } else {
      device_id_ = "web-" + new_id().substr(0, 18);
      idb::kv_put("device_id", device_id_, [](bool) {});
    }
    http::configure([this] {
      idb::kv_get("session", [this](json session) {
        if (session.is_object()) open_store(session);
        refresh_status();
      });
    });
  });
}

void PhoneDriver::set_online(bool online) {
  online_ = online;
  if (engine_) engine_->set_online(online, now_ms());
  refresh_status();
  pump();
}

void PhoneDriver::authenticate(const std::string& path, const json& body) {
  state_.sign_in.busy = true;
  state_.sign_in.error.clear();
  request_frames();
  http::request("POST", path, body.dump(), "", [this](http::Response r) {
    state_.sign_in.busy = false;
    if (r.status == 200 || r.status == 201) {
      json session = json::parse(r.body, nullptr, false);
      if (session.is_object() && session.contains("token")) {
        // A different person on this phone: the previous one's store closes (it stays theirs).
        const std::string who = kinds::field_str(session.contains("user") ? session["user"] : json(), "id");
        if (store_ && store_->actor().user_id != who) {
          engine_.reset();
          store_.reset();
        }
        idb::kv_put("session", session, [](bool) {});
        state_.sign_in = {};
        open_store(session);
        return;
      }
    }
    state_.sign_in.error = r.status == 0 ? (state_.locale == Locale::En ? "Cannot reach the server; check the network"
                                                                        : "连不上服务器，请检查网络")
                                         : error_text(r.body, state_.locale, "登录失败", "Sign-in failed");
    request_frames();
  });
}

void PhoneDriver::sign_in_worker(const std::string& phone, const std::string& pin) {
  authenticate("/api/v1/auth/worker/login", {{"phone", phone}, {"pin", pin}});
}

void PhoneDriver::register_worker(const std::string& phone, const std::string& name, const std::string& pin) {
  authenticate("/api/v1/auth/worker/register", {{"phone", phone}, {"name", name}, {"pin", pin}});
}

void PhoneDriver::sign_in_staff(const std::string& username, const std::string& password) {
  authenticate("/api/v1/auth/staff/login", {{"username", username}, {"password", password}});
}

void PhoneDriver::open_store(const json& session) {
  signed_out_.erase(kinds::field_str(session.contains("user") ? session["user"] : json(), "id"));
  token_ = kinds::field_str(session, "token");
  const json& user = session.contains("user") && session["user"].is_object() ? session["user"] : json::object();
  state_.user = kinds::field_str(user, "name");
  state_.user_id = kinds::field_str(user, "id");
  state_.user_role = kinds::field_str(user, "role");
  state_.user_unit = kinds::field_str(user, "unit_id");
  state_.user_provider = kinds::field_str(user, "provider_id");
  state_.user_phone = kinds::field_str(user, "phone");
  // Staff check member cards at the door, often offline: keep the server's key while there is signal.
  if (app::is_staff(state_)) remember_card_key();
  if (store_) {  // the same person signing in again after the session expired
    engine_->set_signed_in(true, now_ms());
    refresh_status();
    pump();
    return;
  }
  const Actor actor = app::signed_in_actor(state_);
  state_.loading_progress = 0;
  idb::open_user_store(
      state_.user_id, [this](int done) { state_.loading_progress = done; request_frames(); },
      [this, actor](bool ok, idb::Loaded loaded, const std::string& error) {
        state_.loading_progress = -1;
        if (!ok) {
          state_.notice = (state_.locale == Locale::En ? "Cannot open this phone's storage: " : "无法打开手机上的数据：") + error;
          refresh_status();
          return;
        }
        app::StoreMeta meta;
        if (auto m = app::StoreMeta::from_json(loaded.meta)) meta = m.value();
        else meta.device_id = device_id_;
        std::vector<sync::Record> base;
        for (const json& r : loaded.records)
          if (auto rec = sync::Record::from_json(r)) base.push_back(std::move(rec).value());
        std::vector<app::OutboxEntry> outbox;
        for (const json& e : loaded.outbox)
          if (auto entry = app::OutboxEntry::from_json(e)) outbox.push_back(std::move(entry).value());
        storage_status();
        store_ = std::make_unique<app::LocalStore>(meta, actor);
        store_->load(std::move(base), std::move(outbox));
        engine_ = std::make_unique<app::SyncEngine>(*store_, meta.device_id, [] { return nx_js_random(); });
        ++engine_generation_;
        engine_->set_online(online_, now_ms());
        engine_->set_signed_in(true, now_ms());
        refresh_status();
        pump();
      });
  refresh_status();
}

void PhoneDriver::export_data(bool members_csv) {
  if (!store_) return;
  const std::string day = now_iso().substr(0, 10);
  if (members_csv) {
    download_file("nuanxin-members-" + day + ".csv", "text/csv;charset=utf-8", app::members_csv(store_->records()));
    return;
  }
  download_file("nuanxin-" + day + ".json", "application/json", app::export_json(*store_, state_.user, now_iso()).dump(2));
}

void PhoneDriver::storage_status() {
  nx_js_storage_status(this);
}

bool PhoneDriver::sign_out() {
  if (store_ && (store_->pending_count() > 0 || store_->rejected_count() > 0)) return false;
  idb::kv_put("session", nullptr, [](bool) {});
  // Everything is on the server: nothing of this person stays on a phone others may use.
  if (store_) {
    const std::string who = store_->actor().user_id;
    signed_out_.insert(who);
    write_next();  // drops what was still queued for it
    idb::forget_user_store(who);
  }
  if (!token_.empty()) http::request("POST", "/api/v1/auth/logout", "", token_, [](http::Response) {});
  token_.clear();
  engine_.reset();
  store_.reset();
  state_.user.clear();
  state_.user_id.clear();
  refresh_status();
  return true;
}

void PhoneDriver::sync_now() {
  if (engine_) engine_->request_sync(now_ms());
  pump();
}

Result<app::StoreWrite> PhoneDriver::save(const std::vector<app::Change>& changes) {
  if (!store_) return make_error("signed_out", "", "请先登录", "Sign in first");
  auto w = store_->change_all(changes, [this] { return new_id(); }, now_ms());
  if (!w) return w;
  persist(w.value(), true);
  if (engine_) engine_->request_sync(now_ms());
  refresh_status();
  pump();
  return w;
}

void PhoneDriver::load_history(const std::string& kind, const std::string& id) {
  app::HistoryView& h = state_.history;
  h = app::HistoryView{kind, id, true, "", {}};
  const bool chinese = state_.locale != Locale::En;
  http::request("GET", "/api/v1/records/" + kind + "/" + id + "/history", "", token_, [this, kind, id, chinese](http::Response r) {
    app::HistoryView& now = state_.history;
    if (now.kind != kind || now.id != id) return;  // another record was asked for meanwhile
    now.loading = false;
    const json body = json::parse(r.body, nullptr, false);
    if (r.status == 200) {
      now.lines = app::read_history(body, state_.locale);
    } else if (r.status == 0) {
      now.error = chinese ? "没有连上服务器，联网后再看" : "Cannot reach the server; try again with signal";
    } else {
      const json& e = body.is_object() && body.contains("error") ? body["error"] : json();
      now.error = kinds::field_str(e, chinese ? "message_zh" : "message");
      if (now.error.empty()) now.error = chinese ? "读取修改记录失败" : "Could not read the history";
    }
    request_frames();
  });
}

void PhoneDriver::discard(const std::string& op_id) {
  if (!store_) return;
  persist(store_->discard(op_id));
  refresh_status();
}

std::vector<const app::OutboxEntry*> PhoneDriver::refused() const {
  return store_ ? store_->rejected() : std::vector<const app::OutboxEntry*>{};
}

void PhoneDriver::persist(app::StoreWrite write, bool announce_saved) {
  if (write.empty()) return;
  writes_.push_back(PendingWrite{store_->actor().user_id, write.to_json(), announce_saved});
  ++state_.sync.saving;
  write_next();
}

// One write at a time, in the order they were made: a later one never lands before an
// earlier one, so what storage holds is always a state the app was in.
void PhoneDriver::write_next() {
  // A store deleted at sign-out takes no more writes.
  while (!writing_ && !writes_.empty() && signed_out_.count(writes_.front().user_id)) {
    writes_.pop_front();
    --state_.sync.saving;
  }
  if (writing_ || writes_.empty()) return;
  writing_ = true;
  const PendingWrite& next = writes_.front();
  idb::write(next.user_id, next.write, [this](bool ok) {
    const bool announce = writes_.front().announce_saved;
    writing_ = false;
    if (!ok) {
      // Kept in memory and retried; the person is told it is not saved yet.
      state_.notice = state_.locale == Locale::En ? "Could not save on this phone yet; retrying" : "暂时没能保存到手机，正在重试";
      emscripten_set_timeout([](void* self) { static_cast<PhoneDriver*>(self)->write_next(); }, 1000, this);
      refresh_status();
      return;
    }
    writes_.pop_front();
    --state_.sync.saving;
    if (announce) {
      state_.notice = state_.locale == Locale::En ? "Saved on this phone" : "已保存在本机";
      page_bridge_saved();
    }
    refresh_status();
    write_next();
  });
}

void PhoneDriver::schedule(std::int64_t in_ms) {
  if (in_ms < 0) return;
  const std::int64_t due = now_ms() + in_ms;
  if (timer_ && timer_due_ <= due) return;
  if (timer_) emscripten_clear_timeout(timer_);
  timer_due_ = due;
  timer_ = emscripten_set_timeout(on_timer, static_cast<double>(in_ms), this);
}

void PhoneDriver::pump() {
  if (!engine_) return;
  auto req = engine_->next(now_ms());
  if (!req) {
    schedule(engine_->wake_in(now_ms()));
    refresh_status();
    return;
  }
  refresh_status();
  http::request(req->method, req->path, req->body, token_, [this, asked_by = engine_generation_](http::Response r) {
    if (!engine_ || engine_generation_ != asked_by) return;  // someone else signed in meanwhile
    persist(engine_->on_response(r.status, r.body, r.retry_after_s, now_ms(), now_iso()));
    refresh_status();
    pump();
  });
}

void PhoneDriver::refresh_status() {
  app::SyncStatus& s = state_.sync;
  s.online = online_;
  s.signed_in = store_ != nullptr;
  s.pending_ops = store_ ? store_->pending_count() : 0;
  s.rejected_ops = store_ ? store_->rejected_count() : 0;
  s.last_sync = store_ ? store_->meta().last_sync : "";
  s.needs_sign_in = engine_ && engine_->problem() == app::SyncProblem::NeedsSignIn;
  s.server_unreachable = engine_ && engine_->problem() == app::SyncProblem::ServerUnreachable;
  state_.records_on_phone = store_ ? static_cast<int>(store_->record_count()) : 0;
  request_frames();
}

}  // namespace nx::platform
