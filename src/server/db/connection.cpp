#include "server/db/connection.h"

#include <charconv>

namespace nx::server::db {

std::string_view backend_name(Backend b) { return b == Backend::Postgres ? "postgresql" : "sqlite"; }

const std::string& Row::text(std::size_t i) const {
  static const std::string empty;
  const auto& c = cols.at(i);
  return c ? *c : empty;
}

std::int64_t Row::integer(std::size_t i) const {
  const std::string& t = text(i);
  std::int64_t v = 0;
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}

}  // namespace nx::server::db
