#include <charconv>

#include "core/kinds/registry.h"
#include "core/membership/card.h"
#include "core/sync/visibility.h"
#include "server/clock.h"
#include "server/api_error.h"
#include "server/store/records.h"
#include "server/sync/sync_service.h"

namespace nx::server::sync_api {

using nlohmann::json;

namespace {

std::int64_t query_int(const std::string& text, const std::string& field, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) {
  if (text.empty()) return fallback;
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max)
    throw bad_request(catalog_error("query_invalid", field, Msg::ErrMustBeAnIntegerFromTo, {field, std::to_string(min), std::to_string(max)}));
  return v;
}

// The SQL part of "may this user read it": a cheap first cut by indexed columns. The core's
// may_read() has the last word on every row (a draft event, for one).
struct Filter {
  std::string sql;
  db::Params params;
};

Filter visibility_filter(const Actor& actor, const UnitTree& units, const store::StoredRecords& records) {
  Filter f;
  if (actor.role == Role::Admin) return f;
  auto param = [&](db::Param p) {
    f.params.push_back(std::move(p));
    return "$" + std::to_string(f.params.size() + 2);  // $1 and $2 are since and limit
  };
  std::string kinds;
  for (const std::string& k : kinds::registry().public_kinds()) kinds += (kinds.empty() ? "" : ", ") + param(k);
  f.sql = " AND (kind IN (" + kinds + ") OR owner_id = " + param(actor.user_id);
  if (!actor.provider_id.empty()) f.sql += " OR provider_id = " + param(actor.provider_id);
  if (actor.role == Role::Staff) {
    std::string mine;
    for (const sync::Record* u : records.all("unit"))
      if (units.is_within(u->id, actor.unit_id)) mine += (mine.empty() ? "" : ", ") + param(u->id);
    if (!mine.empty()) f.sql += " OR unit_id IN (" + mine + ")";
  }
  f.sql += ")";
  return f;
}

json wire_record(const sync::Record& r) {
  json stamps = json::object();
  for (const auto& [field, stamp] : r.stamps) stamps[field] = stamp.to_string();
  json j = {{"kind", r.kind}, {"id", r.id}, {"seq", r.seq}, {"fields", r.fields}, {"deleted", r.deleted}, {"stamps", stamps}};
  if (r.deleted) j["deleted_at"] = r.deleted_at.to_string();
  return j;
}

}  // namespace

json SyncService::pull(const store::User& user, const std::string& since_text, const std::string& limit_text) {
  const std::int64_t since = query_int(since_text, "since", 0, 0, INT64_MAX);
  const std::int64_t limit = query_int(limit_text, "limit", kDefaultPullLimit, 1, kMaxPullLimit);

  auto c = pool_.acquire();
  db::Transaction tx(*c, db::TxMode::Read);
  store::StoredRecords records(*c);
  const UnitTree units = records.unit_tree();
  const Actor actor = user.actor();
  Filter filter = visibility_filter(actor, units, records);
  db::Params params{since, limit + 1};
  params.insert(params.end(), filter.params.begin(), filter.params.end());
  const db::Rows rows =
      c->query("SELECT seq, body FROM records WHERE seq > $1" + filter.sql + " ORDER BY seq LIMIT $2", params);
  const bool more = static_cast<std::int64_t>(rows.size()) > limit;
  json out = json::array();
  std::int64_t cursor = since;
  for (std::size_t i = 0; i < rows.size() && static_cast<std::int64_t>(i) < limit; ++i) {
    const sync::Record r = store::decode_body(rows[i].text(1), rows[i].integer(0));
    cursor = r.seq;
    if (!sync::may_read(actor, r, units)) continue;
    sync::Record shown = sync::redact_for(actor, r, units);
    if (r.kind == "member" && !actor.user_id.empty() && r.str("owner_id") == actor.user_id)
      if (auto claims = membership::card_claims(r, now_ms()))
        shown.fields["card"] = membership::card_payload(*claims, cards_.sign(membership::card_signed_text(*claims)));
    out.push_back(wire_record(shown));
  }
  // The last page moves the cursor to the newest change, seen or not, so the next pull starts there.
  if (!more) cursor = std::max(cursor, store::current_seq(*c));
  tx.commit();
  return {{"records", std::move(out)}, {"cursor", cursor}, {"more", more}};
}

json SyncService::history(const store::User& user, const std::string& kind, const std::string& id) {
  auto c = pool_.acquire();
  db::Transaction tx(*c, db::TxMode::Read);
  store::StoredRecords records(*c);
  const UnitTree units = records.unit_tree();
  const sync::Record* r = records.get(kind, id);
  const Actor actor = user.actor();
  if (!r || !sync::may_read(actor, *r, units))
    throw ApiError(404, catalog_error("not_found", "id", Msg::ErrNoSuchRecord));
  if (!(rights_over(actor, r->fields, units) & (kUnitStaff | kAdmin)))
    throw ApiError(403, catalog_error("forbidden", "", Msg::ErrOnlyTheResponsibleUnionStaffMay));
  json entries = json::array();
  for (const db::Row& row : c->query(
           "SELECT a.seq, a.op_id, a.at, a.user_id, COALESCE(u.name, ''), a.role, a.device_id, a.status, a.op, a.previous "
           "FROM audit a LEFT JOIN users u ON u.id = a.user_id WHERE a.kind = $1 AND a.record_id = $2 ORDER BY a.seq",
           {kind, id}))
    entries.push_back({{"seq", row.integer(0)}, {"op_id", row.text(1)}, {"at", row.integer(2)}, {"user_id", row.text(3)},
                       {"user_name", row.text(4)}, {"role", row.text(5)}, {"device_id", row.text(6)}, {"status", row.text(7)},
                       {"op", json::parse(row.text(8), nullptr, false)}, {"previous", json::parse(row.text(9), nullptr, false)}});
  tx.commit();
  return {{"kind", kind}, {"id", id}, {"history", std::move(entries)}};
}

}  // namespace nx::server::sync_api
