#include "core/demo/world.h"

#include <algorithm>
#include <cstdio>

#include "core/civil_time.h"
#include "core/kinds/registry.h"
#include "core/sync/apply.h"

namespace nx::demo {

std::string iso(std::int64_t ms) { return civil::format_datetime_utc(ms); }
std::string civil_date(std::int64_t ms) { return civil::format_date(civil::to_china_local(ms).date); }

int Dice::between(int lo, int hi) {
  if (hi <= lo) return lo;
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<int>(gen_() % span);
}

bool Dice::chance(double p) { return static_cast<double>(gen_() >> 11) * 0x1.0p-53 < p; }

std::string Dice::uuid() {
  std::uint64_t hi = gen_(), lo = gen_();
  hi = (hi & ~0xF000ull) | 0x4000ull;                           // version 4
  lo = (lo & ~(0xC000ull << 48)) | (0x8000ull << 48);            // RFC 4122 variant
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
  return buf;
}

World::World(const DemoOptions& opts) : options(opts), dice(opts.seed) {
  admin = Actor{dice.uuid(), Role::Admin, "", ""};
}

const DemoUnit* World::unit_by_id(const std::string& id) const {
  for (const DemoUnit& u : units)
    if (u.id == id) return &u;
  return nullptr;
}

const Actor& World::staff_for(const std::string& unit_id) const {
  for (const std::string& id : tree.path_to_root(unit_id))
    if (const DemoUnit* u = unit_by_id(id); u && !u->staff.user_id.empty()) return u->staff;
  return admin;
}

void World::fail(Error e) {
  if (!error_) error_ = std::move(e);
}

std::int64_t World::at_day(int day_offset, int hh, int mm) const {
  const civil::Date today = civil::to_china_local(options.now_ms).date;
  return civil::from_china_local(civil::from_days(civil::to_days(today) + day_offset), hh * 60 + mm);
}

std::string World::date_at(int day_offset) const {
  const civil::Date today = civil::to_china_local(options.now_ms).date;
  return civil::format_date(civil::from_days(civil::to_days(today) + day_offset));
}

const sync::Record* World::apply(const Actor& who, sync::Op op, std::int64_t at_ms) {
  if (error_) return nullptr;
  const std::int64_t now = std::min(at_ms, options.now_ms);
  op.op_id = dice.uuid();
  op.hlc = clock_.tick(now);
  const sync::Record* current = out.records.get(op.kind, op.id);
  const sync::ApplyResult r =
      sync::apply_op(current, op, sync::ApplyContext{kinds::registry(), who, tree, &out.records, now});
  if (r.status == sync::ApplyStatus::Rejected) {
    const Error& why = r.reason ? *r.reason : Error{"rejected", "", "", "rejected"};
    const std::string what = op.kind + " " + op.id + (op.transition.empty() ? " set" : " " + op.transition) + " by " +
                             std::string(role_name(who.role)) + " " + who.user_id;
    fail(Error{"demo_op_rejected", why.field, "演示数据生成出错：" + what + "：" + why.message_zh,
               "Demo generator op refused: " + what + ": " + why.code + " " + why.field + " " + why.message_en});
    return nullptr;
  }
  ++out.ops_applied;
  out.records.put(r.record);
  return out.records.get(op.kind, op.id);
}

const sync::Record* World::create(const Actor& who, const std::string& kind, const std::string& id, json set,
                                  std::int64_t at_ms) {
  sync::Op op;
  op.kind = kind;
  op.id = id;
  op.set = std::move(set);
  return apply(who, std::move(op), at_ms);
}

const sync::Record* World::step(const Actor& who, const std::string& kind, const std::string& id,
                                const std::string& transition, json params, std::int64_t at_ms) {
  sync::Op op;
  op.kind = kind;
  op.id = id;
  op.transition = transition;
  op.set = std::move(params);
  return apply(who, std::move(op), at_ms);
}

}  // namespace nx::demo
