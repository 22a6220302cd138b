#include "app/sync_engine.h"

#include <doctest/doctest.h>

using namespace nx;
using namespace nx::app;
using nlohmann::json;

namespace {

constexpr std::int64_t kNow = 1782867600000;
const std::string kUnit = "0a0a0a0a-0000-4000-8000-000000000001";

struct Setup {
  Actor worker{"0d0d0d0d-0000-4000-8000-000000000001", Role::Worker, "", ""};
  LocalStore store{StoreMeta{1, "phone-1", {}, 0, 1, ""}, worker};
  double jitter = 0.5;  // the middle of the range unless a test says otherwise
  SyncEngine engine{store, "phone-1", [this] { return jitter; }};
  int ids = 0;

  // A request for legal advice, made offline.
  void ask() {
    char id[40], op[40];
    ++ids;
    std::snprintf(id, sizeof id, "0e0e0e0e-0000-4000-8000-%012d", ids);
    std::snprintf(op, sizeof op, "0f0f0f0f-0000-4000-8000-%012d", ids);
    auto w = store.change(Change{"service_request", id,
                                 {{"category", "legal_consultation"}, {"topic", "unpaid_wages"}, {"description", "老板欠了两个月工资"},
                                  {"owner_id", worker.user_id}, {"unit_id", kUnit}},
                                 "", false},
                          op, kNow);
    REQUIRE(w.ok());
  }
  json ops_of(const SyncRequest& r) { return json::parse(r.body)["ops"]; }
  std::string applied_all(const SyncRequest& r) {
    json results = json::array();
    for (const json& op : ops_of(r)) results.push_back({{"op_id", op["op_id"]}, {"status", "applied"}, {"seq", 7}});
    return json{{"results", results}}.dump();
  }
  static std::string empty_page(std::int64_t cursor, bool more = false) {
    return json{{"records", json::array()}, {"cursor", cursor}, {"more", more}}.dump();
  }
};

}  // namespace

TEST_CASE_FIXTURE(Setup, "nothing is sent offline or signed out; online and signed in it pushes, then pulls") {
  ask();
  CHECK_FALSE(engine.next(kNow));
  CHECK(engine.problem() == SyncProblem::NeedsSignIn);
  engine.set_signed_in(true, kNow);
  CHECK_FALSE(engine.next(kNow));
  CHECK(engine.problem() == SyncProblem::Offline);
  engine.set_online(true, kNow);
  auto push = engine.next(kNow);
  REQUIRE(push);
  CHECK(push->kind == SyncRequest::Kind::Push);
  CHECK(push->path == "/api/v1/sync/push");
  CHECK(json::parse(push->body)["device_id"] == "phone-1");
  CHECK(ops_of(*push).size() == 1);
  CHECK_FALSE(engine.next(kNow));  // one request at a time
  engine.on_response(200, applied_all(*push), 0, kNow, "t1");
  CHECK(store.pending_count() == 0);
  auto pull = engine.next(kNow);
  REQUIRE(pull);
  CHECK(pull->kind == SyncRequest::Kind::Pull);
  CHECK(pull->path == "/api/v1/sync/pull?since=0&limit=1000");
}

TEST_CASE_FIXTURE(Setup, "pull pages follow the cursor until the server says there is no more") {
  engine.set_signed_in(true, kNow);
  engine.set_online(true, kNow);
  auto first = engine.next(kNow);
  REQUIRE(first);
  engine.on_response(200, empty_page(500, true), 0, kNow, "");
  auto second = engine.next(kNow);
  REQUIRE(second);
  CHECK(second->path == "/api/v1/sync/pull?since=500&limit=1000");
  engine.on_response(200, empty_page(730), 0, kNow, "t2");
  CHECK_FALSE(engine.next(kNow));  // caught up
  CHECK(store.meta().last_sync == "t2");
  CHECK(engine.wake_in(kNow) == SyncEngine::kRefreshMs);
  CHECK(engine.next(kNow + SyncEngine::kRefreshMs));  // and looks again later
}

TEST_CASE_FIXTURE(Setup, "a page of records larger than 1 MiB is read, not refused on every retry") {
  json records = json::array();
  for (int i = 0; i < 1000; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "5a5a5a5a-0000-4000-8000-%012d", i);
    records.push_back({{"kind", "article"}, {"id", id}, {"seq", i + 1}, {"deleted", false}, {"stamps", json::object()},
                       {"fields", {{"title", "工会知识"}, {"body", std::string(1500, 'x')}, {"category", "union_basics"}}}});
  }
  const std::string page = json{{"records", records}, {"cursor", 1000}, {"more", false}}.dump();
  REQUIRE(page.size() > (1u << 20));
  engine.set_signed_in(true, kNow);
  engine.set_online(true, kNow);
  REQUIRE(engine.next(kNow));
  engine.on_response(200, page, 0, kNow, "t1");
  CHECK(store.record_count() == 1000);
  CHECK(store.meta().cursor == 1000);
  CHECK(engine.problem() == SyncProblem::None);
}

TEST_CASE_FIXTURE(Setup, "batches keep the order changes were made in") {
  for (std::size_t i = 0; i < SyncEngine::kBatchSize + 50; ++i) ask();
  engine.set_signed_in(true, kNow);
  engine.set_online(true, kNow);
  auto first = engine.next(kNow);
  REQUIRE(first);
  CHECK(ops_of(*first).size() == SyncEngine::kBatchSize);
  CHECK(ops_of(*first)[0]["op_id"] == "0f0f0f0f-0000-4000-8000-000000000001");
  engine.on_response(200, applied_all(*first), 0, kNow, "");
  auto second = engine.next(kNow);
  REQUIRE(second);
  CHECK(second->kind == SyncRequest::Kind::Push);
  CHECK(ops_of(*second).size() == 50);
  CHECK(ops_of(*second)[0]["op_id"] == "0f0f0f0f-0000-4000-8000-000000000501");
}

TEST_CASE_FIXTURE(Setup, "failures back off exponentially with jitter, capped; coming online retries at once") {
  ask();
  engine.set_signed_in(true, kNow);
  engine.set_online(true, kNow);
  std::int64_t now = kNow;
  std::vector<std::int64_t> waits;
  for (int i = 0; i < 10; ++i) {
    auto req = engine.next(now);
    REQUIRE(req);
    engine.on_response(0, "", 0, now, "");  // no answer: the network failed
    waits.push_back(engine.wake_in(now));
    now += waits.back();
  }
  // jitter 0.5 -> 75% of the ceiling: 2 s, 4 s, 8 s, ... up to 5 min.
  CHECK(waits[0] == 1500);
  CHECK(waits[1] == 3000);
  CHECK(waits[2] == 6000);
  CHECK(waits.back() == SyncEngine::kMaxRetryMs * 3 / 4);
  CHECK(engine.problem() == SyncProblem::ServerUnreachable);
  CHECK(store.pending_count() == 1);  // nothing lost while failing

  jitter = 0.0;
  auto req = engine.next(now);
  REQUIRE(req);
  engine.on_response(503, R"({"error":{"code":"storage_unavailable"}})", 0, now, "");
  CHECK(engine.wake_in(now) == SyncEngine::kMaxRetryMs / 2);

  engine.set_online(false, now);
  engine.set_online(true, now + 10);
  CHECK(engine.next(now + 10));
}

TEST_CASE_FIXTURE(Setup, "Retry-After is honoured when longer than the backoff") {
  ask();
  engine.set_signed_in(true, kNow);
  engine.set_online(true, kNow);
  REQUIRE(engine.next(kNow));
  engine.on_response(429, R"({"error":{"code":"too_many_attempts"}})", 120, kNow, "");
  CHECK(engine.wake_in(kNow) == 120'000);
}

TEST_CASE_FIXTURE(Setup, "an expired session stops sync and keeps the outbox until the person signs in again") {
  ask();
  engine.set_signed_in(true, kNow);
  engine.set_online(true, kNow);
  REQUIRE(engine.next(kNow));
  engine.on_response(401, R"({"error":{"code":"token_expired"}})", 0, kNow, "");
  CHECK(engine.problem() == SyncProblem::NeedsSignIn);
  CHECK_FALSE(engine.next(kNow + 3'600'000));
  CHECK(store.pending_count() == 1);
  engine.set_signed_in(true, kNow + 3'600'000);
  auto again = engine.next(kNow + 3'600'000);
  REQUIRE(again);
  CHECK(again->kind == SyncRequest::Kind::Push);
}

TEST_CASE_FIXTURE(Setup, "a batch the server can never take is kept, refused, for the person; a too-large one is split") {
  ask();
  ask();
  engine.set_signed_in(true, kNow);
  engine.set_online(true, kNow);
  auto big = engine.next(kNow);
  REQUIRE(big);
  engine.on_response(413, R"({"error":{"code":"too_large"}})", 0, kNow, "");
  auto smaller = engine.next(kNow);
  REQUIRE(smaller);
  CHECK(ops_of(*smaller).size() == 1);
  engine.on_response(400, R"({"error":{"code":"op_id_invalid","field":"ops[0].op_id","message":"bad","message_zh":"坏"}})", 0, kNow, "");
  CHECK(store.rejected_count() == 1);
  CHECK(store.rejected()[0]->reason->code == "op_id_invalid");
  CHECK(store.pending_count() == 1);
  CHECK(engine.problem() == SyncProblem::None);
}
