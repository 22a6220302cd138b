#pragma once
// An operation: one change to one record, made on a device, identified by a client op id so it
// is applied at most once however often it is sent. The wire form is DESIGN.md's:
//   {op_id, kind, id, hlc, set:{field: value...}}          set fields (creates the record if new)
//   {op_id, kind, id, hlc, transition:"name", set:{...}}   a workflow step, with its parameters
//   {op_id, kind, id, hlc, delete:true}                    a tombstone
#include <string>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/sync/hlc.h"

namespace nx::sync {

struct Op {
  std::string op_id;
  std::string kind;
  std::string id;
  Hlc hlc;
  nlohmann::json set = nlohmann::json::object();
  std::string transition;  // empty: not a transition
  bool del = false;

  nlohmann::json to_json() const;
  bool operator==(const Op&) const = default;
};

inline constexpr std::size_t kMaxFieldsPerOp = 64;
inline constexpr std::size_t kMaxFieldNameLength = 40;

// Field names are lower_snake_case ASCII, at most kMaxFieldNameLength long.
bool is_field_name(std::string_view name);

// Decodes an untrusted op; every problem is reported (field-level), nothing throws.
Result<Op> decode_op(const nlohmann::json& j);

}  // namespace nx::sync
