#pragma once
// The outbox: every change made on this phone, as the op that carries it to the server, kept
// until the server acknowledges it. An op the server refused stays too, with the reason, until
// the person fixes or discards it: nothing is dropped silently.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/sync/op.h"

namespace nx::app {

struct OutboxEntry {
  enum class State { Pending, Rejected };

  sync::Op op;
  State state = State::Pending;
  std::optional<Error> reason;  // why it was refused (Rejected only)
  std::int64_t saved_at = 0;    // Unix ms when the person saved it on this phone
  std::int64_t order = 0;       // the order changes were made in; pushes keep it

  bool pending() const { return state == State::Pending; }
  // The stored form (IndexedDB); from_json refuses anything it cannot trust.
  nlohmann::json to_json() const;
  static Result<OutboxEntry> from_json(const nlohmann::json& j);
};

// The server's {code, message, message_zh, field} as an Error.
Error error_from_json(const nlohmann::json& j);

}  // namespace nx::app
