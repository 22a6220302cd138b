#include "server/store/records.h"

#include <algorithm>

#include "core/membership/unit.h"

namespace nx::server::store {

using nlohmann::json;

namespace {
// Longer strings are free text, never looked up; find() scans for them instead.
constexpr std::size_t kMaxIndexedValue = 200;

db::Params record_row(const sync::Record& r, std::int64_t seq) {
  return {r.kind, r.id, seq, std::int64_t{r.deleted ? 1 : 0}, r.str(sync::kOwnerField), r.str(sync::kUnitField),
          r.str("provider_id"), r.to_json().dump()};
}

// The (kind, field, value, id) rows by which find() looks a record up.
void add_value_rows(const sync::Record& r, std::vector<db::Params>& rows) {
  for (const auto& [field, value] : r.fields.items()) {
    if (!value.is_string()) continue;
    const std::string& v = value.get_ref<const std::string&>();
    if (v.empty() || v.size() > kMaxIndexedValue) continue;
    rows.push_back({r.kind, field, v, r.id});
  }
}

// Many rows in few statements: `head` is "INSERT INTO t (a, b) VALUES ", and every row has
// as many values as it names. A round trip per row is what makes PostgreSQL slow here.
void insert_rows(db::Connection& c, const std::string& head, std::vector<db::Params> rows) {
  if (rows.empty()) return;
  const std::size_t width = rows.front().size();
  const std::size_t per_statement = std::max<std::size_t>(1, 8000 / width);  // SQLite allows 32 766 parameters
  for (std::size_t start = 0; start < rows.size(); start += per_statement) {
    const std::size_t end = std::min(rows.size(), start + per_statement);
    std::string sql = head;
    db::Params params;
    params.reserve((end - start) * width);
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "(" : ", (";
      for (std::size_t k = 0; k < width; ++k) {
        sql += (k ? ", $" : "$") + std::to_string(params.size() + 1);
        params.push_back(std::move(rows[i][k]));
      }
      sql += ")";
    }
    c.query(sql, params);
  }
}

constexpr const char* kInsertRecord = "INSERT INTO records (kind, id, seq, deleted, owner_id, unit_id, provider_id, body) VALUES ";
constexpr const char* kInsertValue = "INSERT INTO record_values (kind, field, value, id) VALUES ";
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
  c_.query(std::string(kInsertRecord) +
               "($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, "
               "deleted = excluded.deleted, owner_id = excluded.owner_id, unit_id = excluded.unit_id, "
               "provider_id = excluded.provider_id, body = excluded.body",
           record_row(record, record.seq));
  c_.query("DELETE FROM record_values WHERE kind = $1 AND id = $2", {record.kind, record.id});
  std::vector<db::Params> values;
  add_value_rows(record, values);
  insert_rows(c_, kInsertValue, std::move(values));
  const std::int64_t seq = record.seq;
  cache_[{record.kind, record.id}] = std::move(record);
  return seq;
}

void StoredRecords::insert_new(const std::vector<const sync::Record*>& records) {
  if (records.empty()) return;
  const auto n = static_cast<std::int64_t>(records.size());
  const db::Rows last = c_.query("UPDATE counters SET value = value + $1 WHERE name = 'seq' RETURNING value", {n});
  if (last.empty()) throw db::StorageError("the sequence counter is missing");
  std::int64_t seq = last.front().integer(0) - n;
  // A few hundred records at a time: a million at once would hold every body twice in memory.
  constexpr std::size_t kChunk = 500;
  for (std::size_t start = 0; start < records.size(); start += kChunk) {
    std::vector<db::Params> rows, values;
    for (std::size_t i = start; i < std::min(records.size(), start + kChunk); ++i) {
      rows.push_back(record_row(*records[i], ++seq));
      add_value_rows(*records[i], values);
    }
    insert_rows(c_, kInsertRecord, std::move(rows));
    insert_rows(c_, kInsertValue, std::move(values));
  }
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
