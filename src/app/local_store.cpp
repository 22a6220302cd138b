#include "app/local_store.h"

#include <set>

#include "app/staff_inbox.h"
#include "core/events/handout.h"
#include "core/events/registration.h"
#include "core/fieldwork/visit.h"
#include "core/json_in.h"
#include "core/kinds/kind_support.h"
#include "core/kinds/registry.h"
#include "core/membership/application.h"
#include "core/membership/member.h"
#include "core/membership/skills.h"
#include "core/membership/unit.h"
#include "core/membership/volunteers.h"
#include "core/sync/apply.h"
#include "core/sync/record_block.h"

namespace nx::app {

using nlohmann::json;

json StoreMeta::to_json() const {
  json j = {{"schema", schema}, {"device_id", device_id}, {"clock", clock.is_zero() ? "" : clock.to_string()},
            {"cursor", cursor}, {"next_order", next_order}, {"next_block", next_block}, {"last_sync", last_sync}};
  if (compaction_from != 0) {
    j["compaction_from"] = compaction_from;
    if (compacted_through) j["compacted_through"] = {compacted_through->first, compacted_through->second};
    if (compaction_pass != 0) j["compaction_pass"] = compaction_pass;
    if (!compaction_later.empty()) j["compaction_later"] = compaction_later;
    if (compaction_seq != 0) j["compaction_seq"] = compaction_seq;
  }
  if (!later_blocks.empty()) j["later_blocks"] = later_blocks;
  if (tiered) j["tiered"] = true;
  return j;
}

Result<StoreMeta> StoreMeta::from_json(const json& j) {
  // Read without exceptions: the web build has them switched off.
  json_in::Reader r(j, "meta");
  StoreMeta m;
  m.schema = static_cast<int>(r.int_in("schema", 1, 1000).value_or(0));
  m.device_id = r.required_str("device_id", 64);
  const std::string clock = r.str("clock", 100).value_or("");
  m.cursor = r.int_in("cursor", 0, INT64_MAX).value_or(-1);
  m.next_order = r.int_in("next_order", 1, INT64_MAX).value_or(0);
  m.next_block = r.int_in("next_block", 1, INT64_MAX).value_or(1);  // absent before blocks
  m.last_sync = r.str("last_sync", 40).value_or("");
  m.compaction_from = r.int_in("compaction_from", 1, m.next_block).value_or(0);
  const auto through = j.find("compacted_through");
  if (m.compaction_from != 0 && through != j.end() && through->is_array() && through->size() == 2 &&
      (*through)[0].is_string() && (*through)[1].is_string())
    m.compacted_through = {(*through)[0].get<std::string>(), (*through)[1].get<std::string>()};
  const auto keys = [&](const char* name, std::vector<std::int64_t>& into) {
    const auto it = j.find(name);
    if (it == j.end()) return;
    if (!it->is_array()) return r.add(catalog_error("meta_invalid", name, Msg::ErrThePhoneStoresMetadataIsCorrupt));
    for (const json& k : *it) {
      if (!k.is_number_integer() || k.get<std::int64_t>() < 1 || k.get<std::int64_t>() >= m.next_block)
        return r.add(catalog_error("meta_invalid", name, Msg::ErrThePhoneStoresMetadataIsCorrupt));
      into.push_back(k.get<std::int64_t>());
    }
  };
  if (m.compaction_from != 0) {
    m.compaction_pass = static_cast<int>(r.int_in("compaction_pass", 0, 1).value_or(0));
    keys("compaction_later", m.compaction_later);
    m.compaction_seq = r.int_in("compaction_seq", 0, INT64_MAX).value_or(0);
  }
  keys("later_blocks", m.later_blocks);
  const auto tiered = j.find("tiered");
  m.tiered = tiered != j.end() && *tiered == true;
  if (!clock.empty()) {
    if (auto h = sync::Hlc::parse(clock)) m.clock = *h;
    else r.add(catalog_error("clock_invalid", "clock", Msg::ErrCorruptClock));
  }
  if (!r.ok() || m.schema == 0 || m.cursor < 0 || m.next_order == 0)
    return catalog_error("meta_invalid", "meta", Msg::ErrThePhoneStoresMetadataIsCorrupt);
  return m;
}

json StoreWrite::to_json() const {
  json j = {{"outbox_put", json::array()}, {"outbox_delete", outbox_delete}};
  if (block) {
    j["block"] = *block;
    json keys = json::array();
    for (const auto& r : records) keys.push_back({r.kind, r.id});
    j["block_keys"] = std::move(keys);
  } else {
    json forms = json::array();
    for (const auto& r : records) forms.push_back(r.to_json());
    j["records"] = std::move(forms);
  }
  if (drop_blocks_before) j["drop_blocks_before"] = *drop_blocks_before;
  for (const auto& e : outbox_put) j["outbox_put"].push_back(e.to_json());
  if (meta) j["meta"] = meta->to_json();
  return j;
}

std::string StoreWrite::block_bytes() const { return block ? sync::encode_block(records) : std::string(); }

namespace {
// The request a message of its thread belongs to; none when it is not here.
const sync::Record* request_of(const sync::Record& message, const sync::RecordSource& records) {
  return records.get("service_request", message.str_ref("request_id"));
}
}  // namespace

bool opens_later(const sync::Record& r, const sync::RecordSource& records) {
  static const std::set<std::string, std::less<>> kPeoplesOwn = {
      membership::kMemberKind,    events::kRegistrationKind, events::kHandoutKind,         fieldwork::kVisitKind,
      fieldwork::kVisitItemKind,  "health_check_booking",    "insurance_enrolment",        membership::kSkillRecordKind,
      membership::kVolunteerMembershipKind};
  if (kPeoplesOwn.count(r.kind)) return true;
  if (r.kind == membership::kApplicationKind) return !membership::application_waiting(r.str_ref("status"));
  if (r.kind == "service_request") return !request_waits_for_union(r.str_ref("status"));
  // A thread goes with its request: most of a district's messages are of settled requests.
  if (r.kind == "request_message") {
    const sync::Record* request = request_of(r, records);
    return request && opens_later(*request, records);
  }
  return false;
}

namespace {
// A message's tier follows its request's, so it can change without the message being written: one
// that opened first in the first pass and later in the second would be in neither. The second
// pass also takes such a record whenever what it follows changed since the compaction began (a
// record in both tiers is harmless: the one read first is as new).
bool tier_may_have_moved(const sync::Record& r, const sync::RecordSource& base, std::int64_t since_seq) {
  if (r.kind != "request_message") return false;
  const sync::Record* request = request_of(r, base);
  return request && (request->seq > since_seq || request->seq == 0);
}
}  // namespace

LocalStore::LocalStore(StoreMeta meta, Actor actor)
    : meta_(std::move(meta)), actor_(std::move(actor)), clock_(meta_.device_id, meta_.clock) {}

void LocalStore::load(std::vector<sync::Record> base, std::vector<OutboxEntry> outbox) {
  for (auto& r : base) records_.put_base(std::move(r));
  for (auto& e : outbox) {
    meta_.next_order = std::max(meta_.next_order, e.order + 1);
    add_entry(std::move(e));
  }
  for (const auto& [record, orders] : orders_of_record_) rebuild(record.first, record.second, 0);
}

void LocalStore::load_later(std::vector<sync::Record> later) {
  for (auto& r : later) {
    const sync::Record* held = records_.base().get(r.kind, r.id);
    if (held && (held->seq == 0 || r.seq <= held->seq)) continue;
    const sync::Record& put = records_.put_base(std::move(r));
    if (orders_of_record_.count({put.kind, put.id})) rebuild(put.kind, put.id, 0);
  }
}

void LocalStore::add_entry(OutboxEntry e) {
  const std::int64_t order = e.order;
  order_of_op_[e.op.op_id] = order;
  orders_of_record_[{e.op.kind, e.op.id}].insert(order);
  outbox_[order] = std::move(e);
}

void LocalStore::remove_entry(std::int64_t order) {
  const auto it = outbox_.find(order);
  if (it == outbox_.end()) return;
  order_of_op_.erase(it->second.op.op_id);
  const auto rec = orders_of_record_.find({it->second.op.kind, it->second.op.id});
  if (rec != orders_of_record_.end()) {
    rec->second.erase(order);
    if (rec->second.empty()) orders_of_record_.erase(rec);
  }
  outbox_.erase(it);
}

void LocalStore::rebuild(const std::string& kind, const std::string& id, std::int64_t now_ms) {
  std::vector<const OutboxEntry*> pending;
  if (const auto rec = orders_of_record_.find({kind, id}); rec != orders_of_record_.end())
    for (std::int64_t order : rec->second)
      if (const OutboxEntry& e = outbox_.at(order); e.pending()) pending.push_back(&e);
  if (pending.empty()) return records_.lift(kind, id);
  std::optional<sync::Record> record;
  if (const sync::Record* b = records_.base().get(kind, id)) record = *b;
  const UnitTree units = membership::units_from(records_);
  for (const OutboxEntry* entry : pending) {
    const OutboxEntry& e = *entry;
    auto r = sync::apply_op(record ? &*record : nullptr, e.op,
                            sync::ApplyContext{kinds::registry(), actor_, units, &records_, now_ms});
    // A pending change the rules refuse now (the server moved on) shows no effect; it stays
    // queued, and the server's answer decides.
    if (r.status != sync::ApplyStatus::Rejected) record = std::move(r.record);
  }
  if (record) records_.lay(std::move(*record));
  else records_.lift(kind, id);
}

Result<StoreWrite> LocalStore::change(const Change& c, const std::string& op_id, std::int64_t now_ms) {
  sync::Op op;
  op.op_id = op_id;
  op.kind = c.kind;
  op.id = c.id;
  op.set = c.set;
  op.transition = c.transition;
  op.del = c.del;
  op.hlc = clock_.tick(now_ms);
  const UnitTree units = membership::units_from(records_);
  auto r = sync::apply_op(records_.get(c.kind, c.id), op, sync::ApplyContext{kinds::registry(), actor_, units, &records_, now_ms});
  if (r.status == sync::ApplyStatus::Rejected) return *r.reason;
  records_.lay(std::move(r.record));
  OutboxEntry e;
  e.op = std::move(op);
  e.saved_at = now_ms;
  e.order = meta_.next_order++;
  meta_.clock = clock_.last();
  StoreWrite w;
  w.outbox_put.push_back(e);
  w.meta = meta_;
  add_entry(std::move(e));
  return w;
}

std::optional<std::vector<Change>> changes_from_json(const json& j) {
  std::vector<Change> out;
  for (const json& c : j.is_array() ? j : json::array({j})) {
    if (!c.is_object()) return std::nullopt;
    Change change{kinds::field_str(c, "kind"), kinds::field_str(c, "id"), json::object(), kinds::field_str(c, "transition"), false};
    if (const auto set = c.find("set"); set != c.end()) {
      if (!set->is_object()) return std::nullopt;
      change.set = *set;
    }
    if (const auto del = c.find("delete"); del != c.end()) {
      if (!del->is_boolean()) return std::nullopt;
      change.del = del->get<bool>();
    }
    if (change.kind.empty() || change.id.empty()) return std::nullopt;
    out.push_back(std::move(change));
  }
  return out;
}

Result<StoreWrite> LocalStore::change_all(const std::vector<Change>& changes,
                                          const std::function<std::string()>& new_op_id, std::int64_t now_ms) {
  StoreWrite all;
  for (const Change& c : changes) {
    auto w = change(c, new_op_id(), now_ms);
    if (!w) {
      // Undo the ones before: drop their entries, then show each record as it was.
      for (const OutboxEntry& e : all.outbox_put) remove_entry(e.order);
      for (const OutboxEntry& e : all.outbox_put) rebuild(e.op.kind, e.op.id, now_ms);
      return w.error();
    }
    all.outbox_put.push_back(w.value().outbox_put.front());
    all.meta = w.value().meta;
  }
  return all;
}

std::vector<sync::Op> LocalStore::next_batch(std::size_t max) const {
  std::vector<sync::Op> out;
  for (const auto& [order, e] : outbox_) {
    if (out.size() >= max) break;
    if (e.pending()) out.push_back(e.op);
  }
  return out;
}

OutboxEntry* LocalStore::find_entry(const std::string& op_id) {
  const auto it = order_of_op_.find(op_id);
  return it == order_of_op_.end() ? nullptr : &outbox_.at(it->second);
}

StoreWrite LocalStore::on_push_results(const json& results, std::int64_t now_ms, const std::string& now_iso) {
  StoreWrite w;
  if (!results.is_object() || !results.contains("results") || !results["results"].is_array()) return w;
  const sync::MemoryRecords& base = records_.base();
  const UnitTree units = membership::units_from(base);
  for (const json& res : results["results"]) {
    if (!res.is_object() || !res.contains("op_id") || !res["op_id"].is_string()) continue;
    OutboxEntry* e = find_entry(res["op_id"].get<std::string>());
    if (!e || !e->pending()) continue;
    const std::string status = kinds::field_str(res, "status");
    const bool refused = status == "rejected" || (status == "duplicate" && kinds::field_str(res, "original") == "rejected");
    if (refused) {
      e->state = OutboxEntry::State::Rejected;
      e->reason = error_from_json(res.contains("reason") ? res["reason"] : json());
      w.outbox_put.push_back(*e);
      rebuild(e->op.kind, e->op.id, now_ms);
      continue;
    }
    // Acknowledged: its effect moves into base, so the record stays as shown until the next
    // pull brings the server's copy.
    auto r = sync::apply_op(base.get(e->op.kind, e->op.id), e->op,
                            sync::ApplyContext{kinds::registry(), actor_, units, &base, now_ms});
    if (r.status != sync::ApplyStatus::Rejected) {
      if (res.contains("seq") && res["seq"].is_number_integer()) r.record.seq = res["seq"].get<std::int64_t>();
      w.records.push_back(r.record);
      records_.put_base(std::move(r.record));
    }
    w.outbox_delete.push_back(e->op.op_id);
    const std::string kind = e->op.kind, id = e->op.id;
    remove_entry(e->order);
    rebuild(kind, id, now_ms);
  }
  if (!w.empty()) {
    meta_.last_sync = now_iso;
    w.meta = meta_;
  }
  return w;
}

StoreWrite LocalStore::reject_all(const std::vector<sync::Op>& batch, const Error& reason) {
  StoreWrite w;
  for (const sync::Op& op : batch) {
    OutboxEntry* e = find_entry(op.op_id);
    if (!e || !e->pending()) continue;
    e->state = OutboxEntry::State::Rejected;
    e->reason = reason;
    w.outbox_put.push_back(*e);
    rebuild(op.kind, op.id, 0);
  }
  return w;
}

StoreWrite LocalStore::on_pulled(const json& page, std::int64_t now_ms, const std::string& now_iso) {
  StoreWrite w;
  if (!page.is_object() || !page.contains("records") || !page["records"].is_array()) return w;
  for (const json& wire : page["records"]) {
    auto r = sync::Record::from_json(wire);
    if (!r) continue;  // a record this version cannot read is skipped, not fatal
    sync::Record record = std::move(r).value();
    // Stamps seen from the server move the clock on, so the next edit here is newer than them.
    for (const auto& [field, stamp] : record.stamps) clock_.observe(stamp, now_ms);
    if (record.deleted) clock_.observe(record.deleted_at, now_ms);
    const std::string kind = record.kind, id = record.id;
    w.records.push_back(record);
    records_.put_base(std::move(record));
    rebuild(kind, id, now_ms);
  }
  if (w.records.size() >= kBlockMinRecords) w.block = meta_.next_block++;
  if (page.contains("cursor") && page["cursor"].is_number_integer())
    meta_.cursor = std::max(meta_.cursor, page["cursor"].get<std::int64_t>());
  const auto more = page.find("more");
  if (more == page.end() || *more != true) meta_.last_sync = now_iso;
  meta_.clock = clock_.last();
  w.meta = meta_;
  return w;
}

StoreWrite LocalStore::discard(const std::string& op_id) {
  StoreWrite w;
  OutboxEntry* e = find_entry(op_id);
  if (!e || e->pending()) return w;  // a pending change may be on its way to the server
  const std::string kind = e->op.kind, id = e->op.id;
  w.outbox_delete.push_back(op_id);
  remove_entry(e->order);
  rebuild(kind, id, 0);
  return w;
}

void LocalStore::begin_compaction() {
  if (compacting()) return;
  meta_.compaction_from = meta_.next_block;
  meta_.compacted_through.reset();
  meta_.compaction_pass = 0;
  meta_.compaction_later.clear();
  meta_.compaction_seq = meta_.cursor;
  meta_.later_blocks.clear();  // the blocks they name are dropped when this compaction ends
  meta_.tiered = false;
}

StoreWrite LocalStore::compaction_step(std::size_t max_records) {
  StoreWrite w;
  if (!compacting()) return w;
  const auto& base = records_.base().records();
  const bool tiered = base.size() >= kTieredFrom;
  // Pass 0 takes the records that open later, pass 1 the rest (a small base: all of them in
  // pass 1). A step stays within one pass, so each block is of one tier.
  for (; meta_.compaction_pass <= 1 && w.records.empty(); ++meta_.compaction_pass, meta_.compacted_through.reset()) {
    const bool later_pass = meta_.compaction_pass == 0;
    if (later_pass && !tiered) continue;
    auto it = meta_.compacted_through ? base.upper_bound(*meta_.compacted_through) : base.begin();
    for (; it != base.end() && w.records.size() < max_records; ++it)
      if (!tiered || opens_later(it->second, records_.base()) == later_pass ||
          (!later_pass && tier_may_have_moved(it->second, records_.base(), meta_.compaction_seq))) {
        w.records.push_back(it->second);
        meta_.compacted_through = it->first;
      }
    if (!w.records.empty()) {
      w.block = meta_.next_block++;
      if (later_pass) meta_.compaction_later.push_back(*w.block);
      w.meta = meta_;
      return w;
    }
  }
  w.drop_blocks_before = meta_.compaction_from;
  meta_.tiered = tiered;
  meta_.later_blocks = std::move(meta_.compaction_later);
  meta_.compaction_later.clear();
  meta_.compaction_from = 0;
  meta_.compaction_pass = 0;
  meta_.compaction_seq = 0;
  meta_.compacted_through.reset();
  w.meta = meta_;
  return w;
}

bool LocalStore::has_pending(const std::string& kind, const std::string& id) const {
  const auto rec = orders_of_record_.find({kind, id});
  if (rec == orders_of_record_.end()) return false;
  for (std::int64_t order : rec->second)
    if (outbox_.at(order).pending()) return true;
  return false;
}

int LocalStore::pending_count() const {
  int n = 0;
  for (const auto& [order, e] : outbox_) n += e.pending();
  return n;
}

int LocalStore::rejected_count() const { return static_cast<int>(outbox_.size()) - pending_count(); }

std::vector<const OutboxEntry*> LocalStore::rejected() const {
  std::vector<const OutboxEntry*> out;
  for (const auto& [order, e] : outbox_)
    if (!e.pending()) out.push_back(&e);
  return out;
}

}  // namespace nx::app
