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
    return make_error("transition_unknown", "transition", "没有这个操作：" + std::string(name),
                      "No such step for " + std::string(wf.kind) + ": " + std::string(name));
  if ((t->who & rights) == 0)
    return make_error("transition_forbidden", "transition", "你没有权限进行这个操作", "You may not do this: " + std::string(name));
  if (std::find(t->from.begin(), t->from.end(), current) == t->from.end())
    return make_error("transition_invalid", "transition",
                      "当前状态（" + std::string(current) + "）不能进行这个操作",
                      "Cannot " + std::string(name) + " from state " + std::string(current));
  return std::string(t->to);
}

}  // namespace nx
