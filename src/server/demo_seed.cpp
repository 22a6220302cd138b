#include "server/demo_seed.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/demo/demo.h"
#include "server/auth/secrets.h"
#include "server/clock.h"
#include "server/sync/session_counts.h"
#include "server/store/accounts.h"
#include "server/store/records.h"

namespace nx::server {

using nlohmann::json;

namespace {

constexpr const char* kSeededKey = "demo_seeded";

std::filesystem::path logins_file(const std::filesystem::path& data_dir) { return data_dir / "demo-logins.json"; }

std::vector<DemoLogin> new_logins(const demo::DemoDistrict& d) {
  std::vector<DemoLogin> out;
  for (const auto& s : d.staff) out.push_back({s.role, s.username, auth::new_password(), s.display_name, s.note});
  for (const auto& w : d.workers) out.push_back({"worker", w.phone, auth::new_pin(), w.name, w.note});
  return out;
}

void save_logins(const std::vector<DemoLogin>& logins, const std::filesystem::path& data_dir) {
  json j = json::array();
  for (const auto& l : logins)
    j.push_back({{"role", l.role}, {"login", l.login}, {"secret", l.secret}, {"name", l.name}, {"note", l.note}});
  std::filesystem::create_directories(data_dir);
  const auto path = logins_file(data_dir);
  // Readable by the owner only from the first byte: the file is made empty, closed to
  // others, and only then filled.
  std::ofstream(path).close();
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::ofstream(path) << j.dump(2) << '\n';
}

std::vector<DemoLogin> load_logins(const std::filesystem::path& data_dir) {
  std::ifstream in(logins_file(data_dir));
  const json j = json::parse(in, nullptr, false);
  std::vector<DemoLogin> out;
  if (!j.is_array()) return out;
  for (const json& l : j)
    if (l.is_object())
      out.push_back({l.value("role", ""), l.value("login", ""), l.value("secret", ""), l.value("name", ""), l.value("note", "")});
  return out;
}

store::User user_for(const DemoLogin& l, const demo::DemoDistrict& d) {
  store::User u;
  u.role = parse_role(l.role).value_or(Role::Worker);
  u.name = l.name;
  for (const auto& s : d.staff)
    if (s.username == l.login) {
      u.id = s.user_id;
      u.username = s.username;
      u.unit_id = s.unit_id;
    }
  for (const auto& w : d.workers)
    if (w.phone == l.login) {
      u.id = w.user_id;
      u.phone = w.phone;
    }
  u.secret_hash = auth::hash_secret(l.secret);
  return u;
}

}  // namespace

DemoSeed seed_demo(db::Pool& pool, const std::filesystem::path& data_dir, int members, int requests) {
  DemoSeed seed;
  bool seeded = false;
  {
    auto c = pool.acquire();
    seeded = !c->query("SELECT value FROM meta WHERE key = $1", {std::string(kSeededKey)}).empty();
  }
  std::vector<DemoLogin> logins = seeded ? load_logins(data_dir) : std::vector<DemoLogin>{};
  if (seeded && !logins.empty()) {  // a restart: nothing to make (a scale district takes minutes)
    seed.logins = std::move(logins);
    return seed;
  }
  // The district as of now: its campaign runs today and its events lie ahead, whatever the date.
  demo::DemoOptions options = members > 0 ? demo::scale_options(demo::DemoOptions{}.seed, members, requests) : demo::DemoOptions{};
  options.now_ms = now_ms();
  auto generated = demo::generate_demo_district(options);
  if (!generated) throw std::runtime_error("the demo generator failed: " + generated.error().message_en);
  const demo::DemoDistrict& district = generated.value();
  seed.summary = demo::summary_text(demo::summarize(district.records));

  logins = new_logins(district);
  std::vector<store::User> users;
  for (const DemoLogin& l : logins) users.push_back(user_for(l, district));  // slow hashing, before the transaction

  auto c = pool.acquire();
  db::Transaction tx(*c, db::TxMode::Sequenced);
  // Another server on the same database may have seeded it since we looked: its logins stand
  // (the passwords it printed keep working), and this server prints what its data folder has.
  if (!seeded && !c->query("SELECT value FROM meta WHERE key = $1", {std::string(kSeededKey)}).empty()) {
    seed.logins = load_logins(data_dir);
    return seed;
  }
  if (!seeded) {
    store::StoredRecords records(*c);
    std::vector<const sync::Record*> all;
    for (const auto& [key, record] : district.records.records()) all.push_back(&record);
    records.insert_new(all);
    for (const auto& [key, record] : district.records.records())
      if (record.kind == "event_session") sync_api::publish_session_counts(records, record.id, now_ms());
      else if (record.kind == "health_check_slot") sync_api::publish_slot_counts(records, record.id, now_ms());
      else if (record.kind == "insurance_plan") sync_api::publish_plan_counts(records, record.id, now_ms());
    for (const store::User& u : users)
      if (!store::insert_user(*c, u, now_ms())) throw db::StorageError("the demo account " + u.username + u.phone + " exists already");
    c->query("INSERT INTO meta (key, value) VALUES ($1, $2)", {std::string(kSeededKey), std::to_string(now_ms())});
    seed.seeded_now = true;
  } else {
    for (const store::User& u : users) store::set_user_secret(*c, u.id, u.secret_hash);
  }
  tx.commit();
  // Fresh statistics for the query planner: on tables just filled in bulk, PostgreSQL would
  // otherwise plan a pull as if they were empty until autovacuum gets round to them (a worker's
  // pull of the scale district took a second instead of 50 ms).
  if (seed.seeded_now) c->exec("ANALYZE");
  save_logins(logins, data_dir);
  seed.logins = std::move(logins);
  return seed;
}

std::string demo_banner(const DemoSeed& seed, const std::filesystem::path& data_dir) {
  std::ostringstream out;
  out << (seed.seeded_now ? "demo district written:\n" : "demo district (already in the database):\n");
  std::istringstream lines(seed.summary);
  for (std::string line; std::getline(lines, line);) out << "  " << line << '\n';
  out << "demo logins (kept in " << logins_file(data_dir).string() << "):\n";
  if (seed.logins.empty()) out << "  (printed by the server that seeded this database; see its data folder)\n";
  for (const DemoLogin& l : seed.logins) {
    const bool worker = l.role == "worker";
    out << "  " << (worker ? "worker " : l.role == "admin" ? "admin  " : "staff  ") << l.login
        << std::string(l.login.size() < 16 ? 16 - l.login.size() : 1, ' ') << (worker ? "PIN " : "password ") << l.secret
        << "  " << l.name << "  " << l.note << '\n';
  }
  return out.str();
}

}  // namespace nx::server
