#pragma once
// The step log of a record (its "steps" field): each workflow step with when, by whom and a
// note (a reason, a member number). A record otherwise keeps only its current state, and a
// member's timeline must show every round of "needs info -> resubmitted". Written only by
// on_create/on_step (the field is step-only), so it is never merged from two devices at once:
// the server takes steps one at a time on the current state.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/errors.h"

namespace nx::membership {

inline constexpr const char* kStepsField = "steps";
// Beyond this the oldest entries are dropped: a record's size stays bounded.
inline constexpr std::size_t kMaxSteps = 100;

struct StepEntry {
  std::string step;  // "create", a transition name, ...
  std::string at;    // ISO 8601 UTC
  std::int64_t at_ms = 0;
  std::string by;    // user id
  std::string note;  // reason, member number, ...
};

void append_step(nlohmann::json& fields, std::string_view step, const Actor& actor, std::int64_t now_ms,
                 std::string_view note = {});
// Entries that cannot be read are skipped (a log never blocks a screen).
std::vector<StepEntry> read_steps(const nlohmann::json& fields);
// For validators: the log is an array of at most kMaxSteps objects.
std::optional<Error> check_steps_field(const nlohmann::json& fields);

// A step's parameters (the op's `set`) may carry only `allowed` fields: a step is not a way to
// edit fields it is not about (e.g. an applicant moving their application to another unit).
Status only_params(std::string_view transition, const nlohmann::json& params, std::span<const std::string_view> allowed);

// A required step parameter that is free text (a reason): present, not blank, at most max_chars.
// `when_missing` says what to write.
Status required_param_text(const nlohmann::json& fields, const std::string& field, std::size_t max_chars, Msg when_missing);

}  // namespace nx::membership
