#include "app/sync_engine.h"

#include <algorithm>

#include "core/json_in.h"

namespace nx::app {

using nlohmann::json;

SyncEngine::SyncEngine(LocalStore& store, std::string device_id, std::function<double()> random01)
    : store_(store), device_id_(std::move(device_id)), random01_(std::move(random01)) {}

void SyncEngine::set_online(bool online, std::int64_t now_ms) {
  if (online && !online_) {
    // Back on the network: try at once, whatever the backoff said.
    not_before_ = now_ms;
    due_ = true;
  }
  online_ = online;
}

void SyncEngine::set_signed_in(bool signed_in, std::int64_t now_ms) {
  signed_in_ = signed_in;
  if (signed_in) {
    needs_sign_in_ = false;
    request_sync(now_ms);
  }
}

void SyncEngine::request_sync(std::int64_t now_ms) {
  due_ = true;
  pushed_all_ = false;
  // A person asking, or a new change, does not wait out a long backoff; a failing server
  // still gets a short breather.
  not_before_ = std::min(not_before_, now_ms + (last_failed_ ? kFirstRetryMs : 0));
}

SyncProblem SyncEngine::problem() const {
  if (needs_sign_in_ || !signed_in_) return SyncProblem::NeedsSignIn;
  if (!online_) return SyncProblem::Offline;
  if (last_failed_) return SyncProblem::ServerUnreachable;
  return SyncProblem::None;
}

std::optional<SyncRequest> SyncEngine::next(std::int64_t now_ms) {
  if (in_flight_ || !online_ || !signed_in_ || needs_sign_in_ || now_ms < not_before_) return std::nullopt;
  if (!due_) {
    // Caught up: look for others' changes again after a while.
    due_ = true;
    pushed_all_ = false;
  }
  SyncRequest req;
  if (!pushed_all_) {
    in_flight_batch_ = store_.next_batch(batch_size_);
    if (!in_flight_batch_.empty()) {
      json ops = json::array();
      for (const sync::Op& op : in_flight_batch_) ops.push_back(op.to_json());
      req.kind = SyncRequest::Kind::Push;
      req.method = "POST";
      req.path = "/api/v1/sync/push";
      req.body = json{{"device_id", device_id_}, {"ops", std::move(ops)}}.dump();
      in_flight_ = req.kind;
      return req;
    }
    pushed_all_ = true;
  }
  req.kind = SyncRequest::Kind::Pull;
  req.method = "GET";
  req.path = "/api/v1/sync/pull?since=" + std::to_string(store_.meta().cursor) + "&limit=" + std::to_string(kPullLimit);
  in_flight_ = req.kind;
  return req;
}

std::int64_t SyncEngine::wake_in(std::int64_t now_ms) const {
  if (in_flight_ || !online_ || !signed_in_ || needs_sign_in_) return -1;
  return std::max<std::int64_t>(0, not_before_ - now_ms);
}

void SyncEngine::fail(std::int64_t now_ms, int retry_after_s) {
  ++failures_;
  last_failed_ = true;
  // Exponential backoff with full jitter, so a thousand phones coming back at once after an
  // outage do not all knock at the same second.
  const std::int64_t ceiling = std::min(kMaxRetryMs, kFirstRetryMs << std::min(failures_ - 1, 16));
  std::int64_t wait = static_cast<std::int64_t>(static_cast<double>(ceiling) * (0.5 + random01_() / 2));
  wait = std::max<std::int64_t>(wait, static_cast<std::int64_t>(retry_after_s) * 1000);
  not_before_ = now_ms + wait;
}

StoreWrite SyncEngine::on_response(int status, const std::string& body, int retry_after_s, std::int64_t now_ms,
                                   const std::string& now_iso) {
  StoreWrite w;
  if (!in_flight_) return w;
  const SyncRequest::Kind kind = *in_flight_;
  in_flight_.reset();
  // A page of 1 000 records can pass 1 MiB (a district's staff pull tens of thousands of
  // request threads); the default limit, meant for requests, would refuse it on every retry.
  auto parsed = json_in::parse(body, json_in::Limits{kMaxAnswerBytes, 16, 64 * 1024});
  const json answer = parsed ? std::move(parsed).value() : json();

  if (status == 401) {
    needs_sign_in_ = true;  // the outbox waits for the person to sign in again
    return w;
  }
  if (kind == SyncRequest::Kind::Push && status == 413 && in_flight_batch_.size() > 1) {
    batch_size_ = in_flight_batch_.size() / 2;  // too big for the server: send halves
    return w;
  }
  if (kind == SyncRequest::Kind::Push && status >= 400 && status < 500 && status != 408 && status != 429) {
    // The server will never take this batch as it is: keep its ops, refused, for the person.
    const json err = answer.is_object() && answer.contains("error") ? answer["error"] : json();
    w = store_.reject_all(in_flight_batch_, error_from_json(err));
    last_failed_ = false;
    return w;
  }
  if (status != 200 || !answer.is_object()) {
    fail(now_ms, retry_after_s);
    return w;
  }
  failures_ = 0;
  last_failed_ = false;
  batch_size_ = kBatchSize;
  if (kind == SyncRequest::Kind::Push) return store_.on_push_results(answer, now_ms, now_iso);
  w = store_.on_pulled(answer, now_ms, now_iso);
  const auto more = answer.find("more");
  if (more == answer.end() || *more != true) {
    due_ = false;
    not_before_ = now_ms + kRefreshMs;
  }
  return w;
}

}  // namespace nx::app
