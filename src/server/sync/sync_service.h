#pragma once
// The sync endpoint's work (DESIGN.md "Data and sync"):
//   push: a batch of ops in one sequenced transaction; each op authorized, validated and
//         applied by the core's apply_op, its outcome stored under its op id, so a replay
//         returns that outcome ("duplicate") and changes nothing; every change audited.
//   pull: the records this user may see, changed after a cursor, a page at a time.
//   history: the audit trail of one record, for staff.
// Bad input throws ApiError; the database failing throws db::StorageError.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "server/auth/card_signer.h"
#include "server/db/pool.h"
#include "server/store/accounts.h"

namespace nx::server::sync_api {

inline constexpr std::size_t kMaxOpsPerPush = 500;
inline constexpr int kDefaultPullLimit = 500;
inline constexpr int kMaxPullLimit = 1000;
// An op stamped further ahead of the server's clock than this is refused: a phone whose clock
// runs days ahead would otherwise win every later edit of the fields it touched. A phone a
// day off (a date set by hand, a time zone a day away) still syncs, and the HLC keeps its
// edits in causal order (tests/e2e/clock_skew_test.mjs).
inline constexpr std::int64_t kMaxClockAheadMs = 48LL * 3600 * 1000;

class SyncService {
 public:
  // `cards` signs the member card a member's own phone receives with their member record.
  SyncService(db::Pool& pool, const auth::CardSigner& cards) : pool_(pool), cards_(cards) {}

  nlohmann::json push(const store::User& user, const nlohmann::json& body);
  // `since` and `limit` as the query string gave them (empty when absent).
  nlohmann::json pull(const store::User& user, const std::string& since, const std::string& limit);
  nlohmann::json history(const store::User& user, const std::string& kind, const std::string& id);

 private:
  db::Pool& pool_;
  const auth::CardSigner& cards_;
};

}  // namespace nx::server::sync_api
