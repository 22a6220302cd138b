#include "server/user_command.h"

#include <ostream>

#include "core/membership/unit.h"
#include "server/auth/secrets.h"
#include "server/clock.h"
#include "server/db/pool.h"
#include "server/store/accounts.h"
#include "server/store/records.h"

namespace nx::server {

namespace {
bool is_username(const std::string& u) {
  if (u.size() < 3 || u.size() > 40) return false;
  for (unsigned char ch : u)
    if (!(std::islower(ch) || std::isdigit(ch) || ch == '.' || ch == '-' || ch == '_')) return false;
  return true;
}
}  // namespace

int run_user_add(const UserAddCommand& cmd, std::ostream& out, std::ostream& err) {
  if (!is_username(cmd.username)) {
    err << "nuanxin-server: the username is 3-40 lowercase letters, digits, '.', '-' or '_': " << cmd.username << '\n';
    return 2;
  }
  if (cmd.password.size() < 10) {
    err << "nuanxin-server: the password needs at least 10 characters\n";
    return 2;
  }
  try {
    auth::init_crypto();
    auto pool = db::open_database(cmd.db_url, cmd.data_dir.string());
    store::User u;
    u.id = auth::new_uuid();
    u.role = cmd.role == "admin" ? Role::Admin : Role::Staff;
    u.username = cmd.username;
    u.name = cmd.name.empty() ? cmd.username : cmd.name;
    u.unit_id = cmd.unit_id;
    u.provider_id = cmd.provider_id;
    u.secret_hash = auth::hash_secret(cmd.password);

    auto c = pool->acquire();
    db::Transaction tx(*c, db::TxMode::Write);
    if (!u.unit_id.empty()) {
      store::StoredRecords records(*c);
      const sync::Record* unit = records.get(membership::kUnitKind, u.unit_id);
      if (!unit || unit->deleted) {
        err << "nuanxin-server: there is no union unit with the id " << u.unit_id
            << " (create it first, or start with --demo to have the demo district's units)\n";
        return 1;
      }
    }
    if (!store::insert_user(*c, u, now_ms())) {
      err << "nuanxin-server: the user " << u.username << " exists already\n";
      return 1;
    }
    tx.commit();
    out << "created " << cmd.role << ' ' << u.username << " (" << u.id << ")"
        << (u.unit_id.empty() ? "" : " of unit " + u.unit_id) << '\n';
    return 0;
  } catch (const std::exception& e) {
    err << "nuanxin-server: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace nx::server
