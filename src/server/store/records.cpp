#include "server/store/records.h"

#include "core/membership/unit.h"

namespace nx::server::store {

using nlohmann::json;

namespace {
// Longer strings are free text, never looked up; find() scans for them instead.
constexpr std::size_t kMaxIndexedValue = 200;
}  // namespace

sync::Record decode_body(const std::string& body, std::int64_t seq) {
  json j = json::parse(body, nullptr, false);
  auto r = sync::Record::from_json(j);
  if (!r) throw db::StorageError("corrupt record in the database: " + r.error().message_en);
  sync::Record record = std::move(r).value();
  record.seq = seq;
  return record;
}

const sync::Record* StoredRecords::remember(const db::Row& row) const {
  sync::Record r = decode_body(row.text(1), row.integer(0));
  auto& slot = cache_[{r.kind, r.id}];
  // A record read before is the same row (this transaction wrote both); keep the first copy,
  // so references a rule holds into it stay valid.
  if (!slot) slot = std::move(r);
  return &*slot;
}

const sync::Record* StoredRecords::get(const std::string& kind, const std::string& id) const {
  if (auto it = cache_.find({kind, id}); it != cache_.end()) return it->second ? &*it->second : nullptr;
  const db::Rows rows = c_.query("SELECT seq, body FROM records WHERE kind = $1 AND id = $2", {kind, id});
  if (rows.empty()) {
    cache_[{kind, id}] = std::nullopt;
    return nullptr;
  }
  return remember(rows.front());
}

std::vector<const sync::Record*> StoredRecords::find(const std::string& kind, const std::string& field,
                                                     const std::string& value) const {
  std::vector<const sync::Record*> out;
  if (value.size() > kMaxIndexedValue) {
    for (const sync::Record* r : all(kind))
      if (r->str(field) == value) out.push_back(r);
    return out;
  }
  const db::Rows rows = c_.query(
      "SELECT r.seq, r.body FROM record_values v JOIN records r ON r.kind = v.kind AND r.id = v.id "
      "WHERE v.kind = $1 AND v.field = $2 AND v.value = $3 AND r.deleted = 0 ORDER BY v.id",
      {kind, field, value});
  for (const db::Row& row : rows) out.push_back(remember(row));
  return out;
}

std::vector<const sync::Record*> StoredRecords::all(const std::string& kind) const {
  std::vector<const sync::Record*> out;
  for (const db::Row& row : c_.query("SELECT seq, body FROM records WHERE kind = $1 AND deleted = 0 ORDER BY id", {kind}))
    out.push_back(remember(row));
  return out;
}

std::vector<const sync::Record*> StoredRecords::with_unit(const std::string& unit_id) const {
  std::vector<const sync::Record*> out;
  for (const db::Row& row : c_.query("SELECT seq, body FROM records WHERE unit_id = $1 ORDER BY seq", {unit_id}))
    out.push_back(remember(row));
  return out;
}

std::int64_t StoredRecords::save(sync::Record record) {
  record.seq = next_seq(c_);
  c_.query(
      "INSERT INTO records (kind, id, seq, deleted, owner_id, unit_id, provider_id, body) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, "
      "deleted = excluded.deleted, owner_id = excluded.owner_id, unit_id = excluded.unit_id, "
      "provider_id = excluded.provider_id, body = excluded.body",
      {record.kind, record.id, record.seq, std::int64_t{record.deleted ? 1 : 0}, record.str(sync::kOwnerField),
       record.str(sync::kUnitField), record.str("provider_id"), record.to_json().dump()});
  c_.query("DELETE FROM record_values WHERE kind = $1 AND id = $2", {record.kind, record.id});
  for (const auto& [field, value] : record.fields.items()) {
    if (!value.is_string()) continue;
    const std::string& v = value.get_ref<const std::string&>();
    if (v.empty() || v.size() > kMaxIndexedValue) continue;
    c_.query("INSERT INTO record_values (kind, field, value, id) VALUES ($1, $2, $3, $4)", {record.kind, field, v, record.id});
  }
  const std::int64_t seq = record.seq;
  cache_[{record.kind, record.id}] = std::move(record);
  return seq;
}

UnitTree StoredRecords::unit_tree() const { return membership::units_from(*this); }

std::int64_t next_seq(db::Connection& c) {
  const db::Rows rows = c.query("UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value");
  if (rows.empty()) throw db::StorageError("the sequence counter is missing");
  return rows.front().integer(0);
}

std::int64_t current_seq(db::Connection& c) {
  const db::Rows rows = c.query("SELECT value FROM counters WHERE name = 'seq'");
  return rows.empty() ? 0 : rows.front().integer(0);
}

}  // namespace nx::server::store
