#pragma once
// The database schema, as numbered migrations applied in order and recorded in
// schema_migrations. Add a migration at the end; never edit one that has shipped.
#include "server/db/connection.h"

namespace nx::server::db {

// The schema version this server needs.
int schema_version();

// Brings the database up to schema_version(); safe when several servers start at once.
// Throws StorageError, also when the database is newer than this server.
void migrate(Connection& c);

}  // namespace nx::server::db
