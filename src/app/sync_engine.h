#pragma once
// When to talk to the server, and what to say: push the outbox in order (in batches), then
// pull pages until caught up; back off with jitter when the network or the server fails; stop
// and ask the person to sign in again when the session is gone (the outbox waits). Pure: the
// platform sends the requests it asks for and reports the answers.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "app/local_store.h"

namespace nx::app {

struct SyncRequest {
  enum class Kind { Push, Pull };
  Kind kind = Kind::Pull;
  std::string method;  // GET | POST
  std::string path;    // under the API base: "/api/v1/sync/pull?since=12&limit=500"
  std::string body;    // JSON (push)
};

// What stops sync right now, in words the UI picks (core/messages/messages.inc).
enum class SyncProblem { None, Offline, ServerUnreachable, NeedsSignIn };

class SyncEngine {
 public:
  // As many as the server takes in one push (and pages as long as it gives): each round trip
  // on a phone's network costs more than the bytes. A batch too big for the server's 1 MiB
  // body is halved and sent again.
  static constexpr std::size_t kBatchSize = 500;
  static constexpr int kPullLimit = 1000;
  static constexpr std::size_t kMaxAnswerBytes = 64u << 20;  // the server's largest page stays far below
  static constexpr std::int64_t kFirstRetryMs = 2'000;
  static constexpr std::int64_t kMaxRetryMs = 5 * 60'000;
  static constexpr std::int64_t kRefreshMs = 5 * 60'000;  // pull again this often while open

  // `random01` gives numbers in [0, 1) for the jitter (injected so tests are exact).
  SyncEngine(LocalStore& store, std::string device_id, std::function<double()> random01);

  void set_online(bool online, std::int64_t now_ms);
  void set_signed_in(bool signed_in, std::int64_t now_ms);
  // "Sync now", a local change, the app coming back to the foreground: sync soon.
  void request_sync(std::int64_t now_ms);

  // The request to send now, if one is due (never two at once).
  std::optional<SyncRequest> next(std::int64_t now_ms);
  // Milliseconds until next() may have something; -1 when nothing will until an event.
  std::int64_t wake_in(std::int64_t now_ms) const;
  // The answer to the request in flight: HTTP status (0: no answer: the network failed),
  // body, and Retry-After in seconds (0 if none). Returns what to persist.
  StoreWrite on_response(int status, const std::string& body, int retry_after_s, std::int64_t now_ms,
                         const std::string& now_iso);

  SyncProblem problem() const;
  bool busy() const { return in_flight_.has_value(); }

 private:
  void fail(std::int64_t now_ms, int retry_after_s);

  LocalStore& store_;
  std::string device_id_;
  std::function<double()> random01_;
  bool online_ = false;
  bool signed_in_ = false;
  bool needs_sign_in_ = false;  // the server said the session is gone
  bool due_ = true;             // something to do: push pending ops and pull
  bool pushed_all_ = false;     // this round's pushes are done; pulling
  std::int64_t not_before_ = 0; // no request before this time (backoff, refresh)
  int failures_ = 0;
  bool last_failed_ = false;
  std::size_t batch_size_ = kBatchSize;
  std::optional<SyncRequest::Kind> in_flight_;
  std::vector<sync::Op> in_flight_batch_;
};

}  // namespace nx::app
