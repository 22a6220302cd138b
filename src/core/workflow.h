#pragma once
// Workflows as explicit state machines: named transitions, the states each may start from,
// the state it leads to, and who may fire it. Domain files declare their machines with this;
// kinds/registry.h attaches them to record kinds.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"

namespace nx {

struct Transition {
  std::string_view name;
  std::vector<std::string_view> from;  // states it may start from
  std::string_view to;
  unsigned who;                        // Right bits (access.h): any one of them suffices
};

struct Workflow {
  std::string_view kind;
  std::string_view initial;            // the state a new record starts in
  std::vector<std::string_view> states;
  std::vector<Transition> transitions;

  const Transition* find(std::string_view name) const;
  bool has_state(std::string_view state) const;
};

// The state `name` leads to from `current` for someone holding `rights`, or why not:
// "transition_unknown", "transition_forbidden" (who), "transition_invalid" (from which state).
Result<std::string> check_transition(const Workflow& wf, std::string_view current, std::string_view name, unsigned rights);

}  // namespace nx
