#include "core/workflow.h"

#include <algorithm>

namespace nx {

const Transition* Workflow::find(std::string_view name) const {
  for (const Transition& t : transitions)
    if (t.name == name) return &t;
  return nullptr;
}

bool Workflow::has_state(std::string_view state) const {
  return std::find(states.begin(), states.end(), state) != states.end();
}

Result<std::string> check_transition(const Workflow& wf, std::string_view current, std::string_view name, unsigned rights) {
  const Transition* t = wf.find(name);
  if (!t)
    return catalog_error("transition_unknown", "transition", Msg::ErrNoSuchStep, {std::string(name)});
  if ((t->who & rights) == 0)
    return catalog_error("transition_forbidden", "transition", Msg::ErrYouMayNotTakeThisStep);
  if (std::find(t->from.begin(), t->from.end(), current) == t->from.end())
    return catalog_error("transition_invalid", "transition", Msg::ErrStepNotFromThisState, {std::string(current)});
  return std::string(t->to);
}

}  // namespace nx
