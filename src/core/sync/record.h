#pragma once
// A record as both sides store and sync it: kind + id, a JSON object of fields, the HLC stamp
// of each field's last write, and a tombstone. Typed views (Member, Station, ...) decode the
// fields; the sync layer never needs to know them.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/sync/hlc.h"
#include "core/sync/stamps.h"

namespace nx::sync {

struct Record {
  std::string kind;
  std::string id;
  nlohmann::json fields = nlohmann::json::object();
  Stamps stamps;                      // field -> stamp of the write that set it
  bool deleted = false;
  Hlc deleted_at;                     // stamp of the delete (when deleted)
  std::int64_t seq = 0;               // server sequence of the last change; 0 before the server saw it

  // Convenience readers of fields; empty / fallback when absent or of another type.
  std::string str(const std::string& field) const;
  // The same without a copy, for scans over many records: valid until the record changes.
  const std::string& str_ref(const std::string& field) const;
  std::int64_t integer(const std::string& field, std::int64_t fallback = 0) const;

  // The stored form (what the local store and the server's database keep).
  nlohmann::json to_json() const;
  static Result<Record> from_json(const nlohmann::json& j);

  bool operator==(const Record&) const = default;
};

// The fields every record kind may carry to say whose it is (used for access control).
inline constexpr const char* kOwnerField = "owner_id";  // the worker user the record belongs to
inline constexpr const char* kUnitField = "unit_id";    // the union unit responsible for it

}  // namespace nx::sync
