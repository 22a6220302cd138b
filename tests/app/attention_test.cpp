#include "app/attention.h"

#include <doctest/doctest.h>

using namespace nx;
using namespace nx::app;

namespace {
constexpr std::int64_t kNow = 1782867600000;  // 2026-07-01 09:00 China
const std::string kMe = "7b7b7b7b-0000-4000-8000-000000000001";

sync::Record record(std::string kind, std::string id, nlohmann::json fields) {
  sync::Record r;
  r.kind = std::move(kind);
  r.id = std::move(id);
  r.fields = std::move(fields);
  return r;
}

void add_event(sync::MemoryRecords& records, const std::string& n, const std::string& date, const std::string& reg_status) {
  const std::string event = "e0e0e0e0-0000-4000-8000-00000000000" + n, session = "5e5e5e5e-0000-4000-8000-00000000000" + n;
  records.put(record("event", event, {{"title", "活动" + n}, {"status", "published"}}));
  records.put(record("event_session", session,
                     {{"event_id", event}, {"unit_id", "0a0a0a0a-0000-4000-8000-000000000001"}, {"date", date}, {"start", "19:00"},
                      {"end", "20:00"}, {"capacity", 10}, {"status", "open"}}));
  records.put(record("registration", "r" + n, {{"event_id", event}, {"session_id", session}, {"owner_id", kMe}, {"status", reg_status}}));
}
}  // namespace

TEST_CASE("what waits for the person, most pressing first") {
  sync::MemoryRecords records;
  records.put(record("service_request", "q1", {{"owner_id", kMe}, {"status", "delivered"}, {"description", "欠薪怎么办"}}));
  records.put(record("service_request", "q2", {{"owner_id", kMe}, {"status", "matched"}, {"description", "工伤"}}));
  records.put(record("membership_application", "a1",
                     {{"owner_id", kMe}, {"status", "needs_info"}, {"info_request", "请补充工作单位"}, {"created_at", "2026-06-30T01:00:00Z"}}));
  add_event(records, "1", "2026-07-01", "registered");   // today
  add_event(records, "2", "2026-07-02", "registered");   // tomorrow
  add_event(records, "3", "2026-07-05", "registered");   // later: not yet
  add_event(records, "4", "2026-07-02", "waitlisted");   // not theirs yet

  const auto items = attention_items(records, kMe, kNow, 2);
  REQUIRE(items.size() == 5);
  CHECK(items[0].kind == AttentionKind::ChangesRefused);
  CHECK(items[0].title == "2");
  CHECK(items[1].kind == AttentionKind::ApplicationNeedsInfo);
  CHECK(items[1].title == "请补充工作单位");
  CHECK(items[2].kind == AttentionKind::RequestToConfirm);
  CHECK(items[2].record_id == "q1");
  CHECK(items[3].kind == AttentionKind::EventSoon);
  CHECK(items[3].title == "活动1");
  CHECK(!items[3].tomorrow);
  CHECK(items[4].tomorrow);
  CHECK(items[4].when == "2026-07-02 19:00");
  CHECK(attention_items(records, "someone-else", kNow, 0).empty());
}
