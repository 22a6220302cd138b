#include "app/phone_runtime.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "app/export.h"
#include "app/outbox.h"
#include "core/civil_time.h"
#include "core/kinds/kind_support.h"
#include "core/uuid.h"

namespace nx::app {

using nlohmann::json;

namespace {

// The server's {error:{...}} as an Error in both languages, or `fallback` when it sent none.
Error server_error(const std::string& body, Error fallback) {
  const json j = json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("error") || !j["error"].is_object()) return fallback;
  Error e = error_from_json(j["error"]);
  if (kinds::field_str(j["error"], "message").empty()) return fallback;
  return e;
}

const json& user_of(const json& session) {
  static const json kNone = json::object();
  return session.is_object() && session.contains("user") && session["user"].is_object() ? session["user"] : kNone;
}

}  // namespace

void forget_person(AppState& state) {
  AppState fresh;
  fresh.locale = state.locale;
  fresh.text_size = state.text_size;
  fresh.update_available = state.update_available;
  fresh.storage_used = state.storage_used;
  fresh.storage_persisted = state.storage_persisted;
  fresh.services = state.services;
  fresh.device = state.device;
  fresh.sync.online = state.sync.online;
  state = std::move(fresh);
}

template <typename F>
auto PhoneRuntime::guarded(F f) {
  return [alive = std::weak_ptr<bool>(alive_), f = std::move(f)](auto&&... args) mutable {
    if (alive.expired()) return;
    f(std::forward<decltype(args)>(args)...);
  };
}

PhoneRuntime::PhoneRuntime(AppState& state, HttpClient& http, Storage& storage, Timers& timers, DeviceFacts& device)
    : state_(state), http_(http), storage_(storage), timers_(timers), device_(device) {
  state_.services = this;
}

PhoneRuntime::~PhoneRuntime() {
  if (timer_) timers_.clear_timeout(timer_);
  if (retry_timer_) timers_.clear_timeout(retry_timer_);
  if (state_.services == this) state_.services = nullptr;
}

std::string PhoneRuntime::now_iso() const { return civil::format_datetime_utc(timers_.now_ms()); }

std::string PhoneRuntime::new_id() {
  std::array<std::uint8_t, 16> b{};
  for (std::uint8_t& x : b) x = static_cast<std::uint8_t>(device_.random01() * 256);
  return uuid_v4(b);
}

void PhoneRuntime::start() {
  storage_.kv_get("device_id", guarded([this](json id) {
    if (id.is_string() && !id.get<std::string>().empty()) {
      device_id_ = id.get<std::string>();
    } else {
      device_id_ = "web-" + new_id().substr(0, 18);
      storage_.kv_put("device_id", device_id_, [](bool) {});
    }
    storage_.kv_get("session", guarded([this](json session) {
      if (session.is_object()) open_store(session);
      refresh_status();
    }));
  }));
}

void PhoneRuntime::set_online(bool online) {
  online_ = online;
  if (engine_) engine_->set_online(online, timers_.now_ms());
  refresh_status();
  pump();
}

void PhoneRuntime::authenticate(const std::string& path, const json& body) {
  state_.sign_in.busy = true;
  state_.sign_in.error.reset();
  refresh_status();
  http_.request("POST", path, body.dump(), "", guarded([this](HttpResponse r) {
    state_.sign_in.busy = false;
    if (r.status == 200 || r.status == 201) {
      json session = json::parse(r.body, nullptr, false);
      if (session.is_object() && session.contains("token")) {
        // A different person on this phone: the previous one's store closes (it stays theirs,
        // and their queued writes still land in it), and nothing of them stays on screen.
        const std::string who = kinds::field_str(user_of(session), "id");
        if (!state_.user_id.empty() && state_.user_id != who) {
          close_store();
          forget_person(state_);
        }
        storage_.kv_put("session", session, [](bool) {});
        state_.sign_in = {};
        open_store(session);
        return;
      }
    }
    state_.sign_in.error = r.status == 0 ? catalog_error("offline", "", Msg::SignInOffline)
                                         : server_error(r.body, catalog_error("sign_in_failed", "", Msg::SignInFailed));
    refresh_status();
  }));
}

void PhoneRuntime::sign_in_worker(const std::string& phone, const std::string& pin) {
  authenticate("/api/v1/auth/worker/login", {{"phone", phone}, {"pin", pin}});
}

void PhoneRuntime::register_worker(const std::string& phone, const std::string& name, const std::string& pin) {
  authenticate("/api/v1/auth/worker/register", {{"phone", phone}, {"name", name}, {"pin", pin}});
}

void PhoneRuntime::sign_in_staff(const std::string& username, const std::string& password) {
  authenticate("/api/v1/auth/staff/login", {{"username", username}, {"password", password}});
}

void PhoneRuntime::open_store(const json& session) {
  const json& user = user_of(session);
  signed_out_.erase(kinds::field_str(user, "id"));
  token_ = kinds::field_str(session, "token");
  state_.user = kinds::field_str(user, "name");
  state_.user_id = kinds::field_str(user, "id");
  state_.user_role = kinds::field_str(user, "role");
  state_.user_unit = kinds::field_str(user, "unit_id");
  state_.user_provider = kinds::field_str(user, "provider_id");
  state_.user_phone = kinds::field_str(user, "phone");
  if (is_staff(state_)) device_.refresh_card_key();
  if (store_) {  // the same person signing in again after the session expired
    engine_->set_signed_in(true, timers_.now_ms());
    refresh_status();
    pump();
    return;
  }
  const Actor actor = signed_in_actor(state_);
  const std::uint64_t opening = ++opening_;
  state_.loading_progress = 0;
  storage_.open_person(
      state_.user_id, guarded([this, opening](int done) {
        if (opening != opening_) return;
        state_.loading_progress = done;
        redraw_for_progress();
      }),
      guarded([this, actor, opening](bool ok, StoredPerson stored, const std::string& error) {
        if (opening != opening_ || state_.user_id != actor.user_id) return;  // someone else signed in meanwhile
        if (!ok) {
          state_.loading_progress = -1;
          state_.notice = Notice{Msg::StorageOpenFailed, {error}};
          refresh_status();
          return;
        }
        StoreMeta meta;
        if (auto m = StoreMeta::from_json(stored.meta)) meta = m.value();
        else meta.device_id = device_id_;
        std::vector<OutboxEntry> outbox;
        for (const json& e : stored.outbox)
          if (auto entry = OutboxEntry::from_json(e)) outbox.push_back(std::move(entry).value());
        device_.storage_estimate(guarded([this](bool persisted, std::int64_t used) {
          state_.storage_persisted = persisted ? 1 : 0;
          state_.storage_used = used;
          device_.changed();
        }));
        store_ = std::make_unique<LocalStore>(meta, actor);
        store_->load(std::move(stored.records), std::move(outbox));
        // Only the counts are kept, for needs_compaction once the later part is in.
        opened_ = StoredPerson{nullptr, {}, {}, stored.entries, stored.rows, stored.blocks, stored.text_blocks};
        whole_ = false;
        engine_ = std::make_unique<SyncEngine>(*store_, meta.device_id, [this] { return device_.random01(); });
        ++engine_generation_;
        engine_->set_online(online_, timers_.now_ms());
        engine_->set_signed_in(true, timers_.now_ms());
        refresh_status();
        pump();
        device_.changed();  // the store is open: shown now, not at the next progress frame
      }),
      guarded([this, actor, opening](bool ok, std::vector<sync::Record> later) {
        if (opening != opening_ || !store_ || store_->actor().user_id != actor.user_id) return;
        if (!ok) {
          state_.loading_progress = -1;
          // What was read is shown and works; the rest stays in storage, so nothing may
          // rewrite the store as this session holds it (no compaction until it opens whole).
          state_.notice = Msg::StorageLaterFailed;
          refresh_status();
          return;
        }
        opened_.entries += later.size();
        later_ = std::move(later);
        later_from_ = 0;
        load_later_slice(opening);
      }));
  refresh_status();
}

void PhoneRuntime::close_store() {
  engine_.reset();
  store_.reset();
  std::vector<sync::Record>().swap(later_);  // nothing of the person stays in memory
  later_from_ = 0;
  opened_ = {};
  whole_ = false;
}

// The later part joins the store a slice at a time, each its own task: the page takes input in
// between, and what screens worked out is brought up to date from the slice (the store's journal
// holds a slice) instead of worked out again from everything.
void PhoneRuntime::load_later_slice(std::uint64_t opening) {
  if (opening != opening_ || !store_) return;
  constexpr std::size_t kSlice = sync::LayeredRecords::kJournalSize / 2;
  const std::size_t to = std::min(later_.size(), later_from_ + kSlice);
  std::vector<sync::Record> slice(std::make_move_iterator(later_.begin() + static_cast<std::ptrdiff_t>(later_from_)),
                                  std::make_move_iterator(later_.begin() + static_cast<std::ptrdiff_t>(to)));
  later_from_ = to;
  store_->load_later(std::move(slice));
  if (later_from_ < later_.size()) {
    state_.records_on_phone = static_cast<int>(store_->record_count());
    redraw_for_progress();
    timers_.set_timeout(0, guarded([this, opening] { load_later_slice(opening); }));
    return;
  }
  std::vector<sync::Record>().swap(later_);
  state_.loading_progress = -1;
  whole_ = true;
  if (needs_compaction(opened_, store_->record_count()) || store_->wants_tiers()) store_->begin_compaction();
  // After the first screen is up and the sync has started: it is storage's own work.
  if (store_->compacting()) timers_.set_timeout(1000, guarded([this] { write_next(); }));
  refresh_status();
  device_.changed();
}

void PhoneRuntime::export_data(bool members_csv) {
  if (!store_) return;
  const std::string day = now_iso().substr(0, 10);
  if (members_csv) {
    device_.download("nuanxin-members-" + day + ".csv", "text/csv;charset=utf-8", app::members_csv(store_->records(), state_.locale));
    return;
  }
  device_.download("nuanxin-" + day + ".json", "application/json", export_json(*store_, state_.user, now_iso()).dump(2));
}

bool PhoneRuntime::sign_out() {
  if (store_ && (store_->pending_count() > 0 || store_->rejected_count() > 0)) return false;
  storage_.kv_put("session", nullptr, [](bool) {});
  // Everything is on the server: nothing of this person stays on a phone others may use.
  if (store_) {
    const std::string who = store_->actor().user_id;
    signed_out_.insert(who);
    write_next();  // drops what was still queued for it
    storage_.forget_person(who);
  }
  if (!token_.empty()) http_.request("POST", "/api/v1/auth/logout", "", token_, [](HttpResponse) {});
  token_.clear();
  close_store();
  ++opening_;  // a store still opening is not shown to the next person
  if (timer_) timers_.clear_timeout(timer_);
  timer_ = 0;
  forget_person(state_);
  refresh_status();
  return true;
}

void PhoneRuntime::sync_now() {
  if (engine_) engine_->request_sync(timers_.now_ms());
  pump();
}

Result<StoreWrite> PhoneRuntime::save(const std::vector<Change>& changes) {
  if (!store_) return catalog_error("signed_out", "", Msg::SignInFirst);
  auto w = store_->change_all(changes, [this] { return new_id(); }, timers_.now_ms());
  if (!w) return w;
  persist(w.value(), true);
  if (engine_) engine_->request_sync(timers_.now_ms());
  refresh_status();
  pump();
  return w;
}

void PhoneRuntime::load_history(const std::string& kind, const std::string& id) {
  state_.history = HistoryView{kind, id, true, std::nullopt, {}};
  http_.request("GET", "/api/v1/records/" + kind + "/" + id + "/history", "", token_,
                guarded([this, kind, id](HttpResponse r) {
                  HistoryView& now = state_.history;
                  if (now.kind != kind || now.id != id) return;  // another record was asked for meanwhile
                  now.loading = false;
                  if (r.status == 200) {
                    now.lines = read_history(json::parse(r.body, nullptr, false));
                  } else if (r.status == 0) {
                    now.error = catalog_error("offline", "", Msg::HistoryOffline);
                  } else {
                    now.error = server_error(r.body, catalog_error("history_failed", "", Msg::HistoryFailed));
                  }
                  device_.changed();
                }));
  device_.changed();
}

void PhoneRuntime::discard(const std::string& op_id) {
  if (!store_) return;
  persist(store_->discard(op_id));
  refresh_status();
}

std::vector<const OutboxEntry*> PhoneRuntime::refused() const {
  return store_ ? store_->rejected() : std::vector<const OutboxEntry*>{};
}

void PhoneRuntime::persist(StoreWrite write, bool announce_saved, bool background) {
  if (write.empty()) return;
  writes_.push_back(PendingWrite{store_->actor().user_id, write.to_json(), write.block_bytes(), announce_saved, background});
  write_next();
}

// Rewriting a store compactly pays when opening it reads many single rows (a store from before
// blocks, or months of single changes), many small blocks, blocks in the JSON text of an
// earlier version (six times the bytes, and parsed), or mostly superseded forms.
bool PhoneRuntime::needs_compaction(const StoredPerson& stored, std::size_t live_records) {
  constexpr std::size_t kMaxRows = 1000, kMaxBlocks = 256;
  return stored.rows > kMaxRows || stored.blocks > kMaxBlocks || stored.text_blocks > 0 ||
         stored.entries > live_records + live_records / 2 + kMaxRows;
}

// One step of a compaction, when nothing else waits to be written: each step's block is the
// base exactly as storage holds it then, and the person's own writes never queue behind it.
void PhoneRuntime::compact_when_idle() {
  if (!store_ || !whole_ || !store_->compacting() || writing_ || retry_timer_ || !writes_.empty()) return;
  persist(store_->compaction_step(), false, true);
}

// One write at a time, in the order they were made: a later one never lands before an
// earlier one, so what storage holds is always a state the app was in.
void PhoneRuntime::write_next() {
  // A store deleted at sign-out takes no more writes.
  while (!writing_ && !writes_.empty() && signed_out_.count(writes_.front().user_id)) writes_.pop_front();
  // After a failed write the storage gets a second before the next try, new writes or not.
  if (writing_ || retry_timer_) return;
  if (writes_.empty()) return compact_when_idle();
  writing_ = true;
  const PendingWrite& next = writes_.front();
  storage_.write(next.user_id, next.write, next.block, guarded([this](bool ok) {
    writing_ = false;
    if (!ok) {
      // Kept in memory and retried; the person is told it is not saved yet.
      if (writes_.front().user_id == state_.user_id)
        state_.notice = Msg::SaveRetrying;
      retry_timer_ = timers_.set_timeout(1000, guarded([this] {
        retry_timer_ = 0;
        write_next();
      }));
      refresh_status();
      return;
    }
    const PendingWrite done = std::move(writes_.front());
    writes_.pop_front();
    if (done.announce_saved && done.user_id == state_.user_id) {
      state_.notice = Msg::SavedOnPhone;
      device_.saved();
    }
    refresh_status();
    write_next();
  }));
}

void PhoneRuntime::schedule(std::int64_t in_ms) {
  if (in_ms < 0) return;
  const std::int64_t due = timers_.now_ms() + in_ms;
  if (timer_ && timer_due_ <= due) return;
  if (timer_) timers_.clear_timeout(timer_);
  timer_due_ = due;
  timer_ = timers_.set_timeout(in_ms, guarded([this] {
    timer_ = 0;
    pump();
  }));
}

void PhoneRuntime::pump() {
  if (!engine_) return;
  auto req = engine_->next(timers_.now_ms());
  if (!req) {
    // A big store synced for the first time is split into tiers, so that it opens from the
    // first one next time.
    if (whole_ && store_->wants_tiers()) {
      store_->begin_compaction();
      write_next();
    }
    schedule(engine_->wake_in(timers_.now_ms()));
    refresh_status();
    device_.changed();  // nothing more to send or fetch: the settled state is shown now
    return;
  }
  refresh_status();
  http_.request(req->method, req->path, req->body, token_, guarded([this, asked_by = engine_generation_](HttpResponse r) {
    if (!engine_ || engine_generation_ != asked_by) return;  // someone else signed in meanwhile
    persist(engine_->on_response(r.status, r.body, r.retry_after_s, timers_.now_ms(), now_iso()));
    refresh_status();
    pump();
  }));
}

void PhoneRuntime::refresh_status() {
  SyncStatus& s = state_.sync;
  s.online = online_;
  s.signed_in = store_ != nullptr;
  s.saving = 0;
  for (const PendingWrite& w : writes_)
    s.saving += w.user_id == state_.user_id && !signed_out_.count(w.user_id) && !w.background;
  s.pending_ops = store_ ? store_->pending_count() : 0;
  s.rejected_ops = store_ ? store_->rejected_count() : 0;
  s.last_sync = store_ ? store_->meta().last_sync : "";
  s.rewriting = store_ && store_->compacting();
  s.needs_sign_in = engine_ && engine_->problem() == SyncProblem::NeedsSignIn;
  s.server_unreachable = engine_ && engine_->problem() == SyncProblem::ServerUnreachable;
  state_.records_on_phone = store_ ? static_cast<int>(store_->record_count()) : 0;
  redraw_for_progress();
}

void PhoneRuntime::redraw_for_progress() {
  // A redraw is about two frames (imgui settles a change over two): where frames are dear, they
  // come further apart, so that drawing them takes at most a third of the time.
  const std::int64_t every_ms =
      std::max<std::int64_t>(1000 / kProgressFramesPerSecond, static_cast<std::int64_t>(6 * device_.frame_cost_ms()));
  if (progress_timer_) return;  // the redraw already due shows this too
  const std::int64_t since = timers_.now_ms() - last_progress_redraw_ms_;
  if (since >= every_ms || since < 0) {
    last_progress_redraw_ms_ = timers_.now_ms();
    device_.changed();
    return;
  }
  progress_timer_ = timers_.set_timeout(every_ms - since, guarded([this] {
    progress_timer_ = 0;
    last_progress_redraw_ms_ = timers_.now_ms();
    device_.changed();
  }));
}

}  // namespace nx::app
