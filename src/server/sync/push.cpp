#include <algorithm>

#include "core/events/registration.h"
#include "core/json_in.h"
#include "core/kinds/registry.h"
#include "core/sync/apply.h"
#include "core/sync/op.h"
#include "core/sync/visibility.h"
#include "core/validate.h"
#include "server/api_error.h"
#include "server/auth/secrets.h"
#include "server/clock.h"
#include "server/store/records.h"
#include "server/sync/session_counts.h"
#include "server/sync/sync_service.h"

namespace nx::server::sync_api {

using nlohmann::json;

namespace {

json error_json(const Error& e) {
  json j = {{"code", e.code}, {"message", e.message_en}, {"message_zh", e.message_zh}};
  if (!e.field.empty()) j["field"] = e.field;
  return j;
}

std::string device_of(const json& body) {
  json_in::Reader r(body, "body");
  const std::string device = r.required_str("device_id", 64);
  if (r.ok() && (device.empty() || !std::all_of(device.begin(), device.end(), [](unsigned char ch) {
                   return std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == ':';
                 })))
    r.add(catalog_error("device_id_invalid", "device_id", Msg::ErrDeviceIdMayHoldLettersDigits));
  if (!r.has("ops")) r.require("ops");
  if (!r.ok()) throw bad_request(r.errors().front());
  const json& ops = body["ops"];
  if (!ops.is_array()) throw bad_request(catalog_error("type_invalid", "ops", Msg::ErrOpsMustBeAnArray));
  if (ops.size() > kMaxOpsPerPush)
    throw ApiError(413, catalog_error("too_many_ops", "ops", Msg::ErrAtMostOpsPerPush, {std::to_string(kMaxOpsPerPush)}));
  return device;
}

// The previous values of every field the change touched (null where there was none).
json previous_values(const sync::Record* before, const sync::Record& after) {
  json prev = json::object();
  for (const auto& [name, value] : after.fields.items()) {
    const json* old = before && before->fields.contains(name) ? &before->fields[name] : nullptr;
    if (!old || *old != value) prev[name] = old ? *old : json(nullptr);
  }
  if (before && before->deleted != after.deleted) prev["_deleted"] = before->deleted;
  return prev;
}

// A unit moved in the tree (or deleted) changes who may read every record of it and the units
// below: they are saved again under new sequence numbers, so the staff who can see them now
// receive them on their next pull.
void resend_subtree(store::StoredRecords& records, const UnitTree& units, const std::string& unit_id) {
  for (const sync::Record* u : records.all("unit")) {
    if (!units.is_within(u->id, unit_id)) continue;
    for (const sync::Record* r : records.with_unit(u->id)) records.save(*r);
  }
}

bool same_record(const sync::Record& a, const sync::Record& b) {
  return a.fields == b.fields && a.stamps == b.stamps && a.deleted == b.deleted && a.deleted_at == b.deleted_at;
}

struct OpLog {
  db::Connection& c;
  const store::User& user;
  const std::string& device;
  std::int64_t now;

  std::optional<json> earlier_outcome(const std::string& op_id) {
    const db::Rows rows = c.query("SELECT user_id, status, reason, seq FROM ops WHERE op_id = $1", {op_id});
    if (rows.empty()) return std::nullopt;
    const db::Row& row = rows.front();
    json out = {{"op_id", op_id}, {"status", "duplicate"}, {"original", row.text(1)}};
    if (row.text(0) != user.id) {
      // Someone else's op id: say nothing about what it did.
      out["status"] = "rejected";
      out.erase("original");
      out["reason"] = error_json(catalog_error("op_id_taken", "op_id", Msg::ErrThisOpIdIsTaken));
      return out;
    }
    if (!row.is_null(2)) out["reason"] = json::parse(row.text(2), nullptr, false);
    if (!row.is_null(3)) out["seq"] = row.integer(3);
    return out;
  }

  json record(const std::string& op_id, const std::string& kind, const std::string& id, std::string_view status,
              const std::optional<Error>& reason, std::optional<std::int64_t> seq) {
    json out = {{"op_id", op_id}, {"status", status}};
    db::Param reason_param = nullptr, seq_param = nullptr;
    if (reason) {
      out["reason"] = error_json(*reason);
      reason_param = out["reason"].dump(-1, ' ', false, json::error_handler_t::replace);
    }
    if (seq) {
      out["seq"] = *seq;
      seq_param = *seq;
    }
    c.query("INSERT INTO ops (op_id, user_id, device_id, kind, record_id, status, reason, seq, received_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            {op_id, user.id, device, kind, id, std::string(status), reason_param, seq_param, now});
    return out;
  }

  void audit(std::int64_t seq, const sync::Op& op, std::string_view status, const json& previous) {
    c.query("INSERT INTO audit (seq, op_id, kind, record_id, user_id, role, device_id, at, status, op, previous) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            {seq, op.op_id, op.kind, op.id, user.id, std::string(role_name(user.role)), device, now, std::string(status),
             op.to_json().dump(-1, ' ', false, json::error_handler_t::replace),
             previous.dump(-1, ' ', false, json::error_handler_t::replace)});
  }
};

// A seat came free in a session (a cancel, more capacity): the earliest on its waitlist takes
// it. The server fires "promote" itself, as its own user, audited like any change, until the
// session is full or its waitlist empty.
void fill_free_seats(store::StoredRecords& records, db::Connection& c, const UnitTree& units, const std::string& session_id,
                     std::int64_t now) {
  store::User server_user;
  server_user.id = "server";
  server_user.role = Role::Admin;
  server_user.name = "nuanxin-server";
  const std::string device = "server";
  OpLog log{c, server_user, device, now};
  const Actor actor = server_user.actor();
  for (std::size_t promoted = 0; promoted < 10000; ++promoted) {
    const sync::Record* session = records.get(events::kSessionKind, session_id);
    if (!session || session->deleted) return;
    const auto next = events::next_to_promote(*session, events::session_registrations(records, session_id), now);
    if (!next) return;
    const sync::Record* waiting = records.get(events::kRegistrationKind, *next);
    if (!waiting) return;
    // After the registration's own last stamp, even one a phone with a fast clock made.
    std::int64_t wall = now;
    for (const auto& [field, stamp] : waiting->stamps) wall = std::max(wall, stamp.wall_ms + 1);
    const sync::Op op{auth::new_uuid(), events::kRegistrationKind, *next, sync::Hlc{wall, 0, device}, json::object(), "promote", false};
    const sync::Record before = *waiting;
    const auto result = sync::apply_op(waiting, op, sync::ApplyContext{kinds::registry(), actor, units, &records, now});
    if (result.status == sync::ApplyStatus::Rejected) return;
    const std::int64_t seq = records.save(result.record);
    log.audit(seq, op, sync::apply_status_name(result.status), previous_values(&before, result.record));
  }
}

// The counts a save of `saved` changes, as its kind declares them (kinds/registry.h). Counts
// first (the rules read them), then the waitlist moves, then counts again.
void recount_after_save(store::StoredRecords& records, db::Connection& c, const UnitTree& units,
                        const sync::Record* before, const sync::Record& saved, std::int64_t now) {
  const kinds::KindSpec* spec = kinds::registry().find(saved.kind);
  if (!spec) return;
  for (const kinds::Recount& recount : spec->recounts) {
    const std::string counted = recount.record_field.empty() ? saved.id : saved.str(recount.record_field);
    if (counted.empty()) continue;
    publish_counts(records, recount.counter, counted, now);
    if (recount.counter == kinds::Counter::SessionSeats && events::may_free_seat(before, saved)) {
      fill_free_seats(records, c, units, counted, now);
      publish_counts(records, recount.counter, counted, now);
    }
  }
}

}  // namespace

json SyncService::push(const store::User& user, const json& body) {
  const std::string device = device_of(body);
  const json& ops = body["ops"];
  // An op we cannot even name is a broken client, not a rejected change: refuse the batch.
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const json& op = ops[i];
    const auto it = op.is_object() ? op.find("op_id") : op.end();
    if (!op.is_object() || it == op.end() || !it->is_string() || validate::uuid(it->get<std::string>()))
      throw bad_request(catalog_error("op_id_invalid", "ops[" + std::to_string(i) + "].op_id", Msg::ErrEveryOpNeedsAnOpId));
  }

  auto c = pool_.acquire();
  db::Transaction tx(*c, db::TxMode::Sequenced);
  const std::int64_t now = now_ms();
  store::StoredRecords records(*c);
  UnitTree units = records.unit_tree();
  const Actor actor = user.actor();
  OpLog log{*c, user, device, now};
  json results = json::array();
  for (const json& raw : ops) {
    const std::string op_id = raw["op_id"].get<std::string>();
    if (auto earlier = log.earlier_outcome(op_id)) {
      results.push_back(std::move(*earlier));
      continue;
    }
    auto decoded = sync::decode_op(raw);
    const std::string kind = raw.contains("kind") && raw["kind"].is_string() ? raw["kind"].get<std::string>() : "";
    const std::string id = raw.contains("id") && raw["id"].is_string() ? raw["id"].get<std::string>() : "";
    if (!decoded) {
      results.push_back(log.record(op_id, kind, id, "rejected", decoded.error(), std::nullopt));
      continue;
    }
    const sync::Op& op = decoded.value();
    if (op.hlc.wall_ms > now + kMaxClockAheadMs) {
      results.push_back(log.record(op_id, kind, id, "rejected",
                                   catalog_error("clock_ahead", "hlc", Msg::ErrThisPhonesClockIsMoreThan),
                                   std::nullopt));
      continue;
    }
    const sync::Record* current = records.get(op.kind, op.id);
    if (current && !sync::may_read(actor, *current, units)) {
      // Not even its state or existence is told to someone who may not read it.
      results.push_back(log.record(op_id, kind, id, "rejected",
                                   catalog_error("not_found", "id", Msg::ErrNoSuchRecord), std::nullopt));
      continue;
    }
    const std::optional<sync::Record> before = current ? std::optional<sync::Record>(*current) : std::nullopt;
    const sync::ApplyResult result =
        sync::apply_op(current, op, sync::ApplyContext{kinds::registry(), actor, units, &records, now});
    const std::string_view status = sync::apply_status_name(result.status);
    if (result.status == sync::ApplyStatus::Rejected) {
      results.push_back(log.record(op_id, kind, id, status, result.reason, std::nullopt));
      continue;
    }
    std::optional<std::int64_t> seq;
    if (!before || !same_record(*before, result.record)) {
      seq = records.save(result.record);
      log.audit(*seq, op, status, previous_values(before ? &*before : nullptr, result.record));
      recount_after_save(records, *c, units, before ? &*before : nullptr, result.record, now);
      if (op.kind == "unit") {
        units = records.unit_tree();
        if (!before || before->str("parent_id") != result.record.str("parent_id") || before->deleted != result.record.deleted)
          resend_subtree(records, units, op.id);
      }
    } else if (before) {
      seq = before->seq;  // nothing new: the record as it stands
    }
    results.push_back(log.record(op_id, kind, id, status, std::nullopt, seq));
  }
  tx.commit();
  return {{"results", std::move(results)}};
}

}  // namespace nx::server::sync_api
