#pragma once
// Two small kinds to test the sync rules on their own, apart from the union's real kinds:
// "note" (plain fields, staff of the unit edit) and "ticket" (a workflow open -> done | closed).
#include <string>

#include "core/json_in.h"
#include "core/kinds/registry.h"
#include "core/sync/apply.h"

namespace nx::test {

inline Errors validate_note(const nlohmann::json& fields) {
  json_in::Reader r(fields);
  r.required_str("title", 20);
  r.int_in("count", 0, 1000);
  return r.take_errors();
}

inline const Workflow& ticket_workflow() {
  static const Workflow wf{"ticket", "open", {"open", "done", "closed"},
                           {{"finish", {"open"}, "done", kUnitStaff},
                            {"close", {"open", "done"}, "closed", kOwner | kUnitStaff},
                            {"reopen", {"done", "closed"}, "open", kOwner}}};
  return wf;
}

inline Status ticket_step(const std::string& transition, kinds::StepContext& ctx) {
  if (transition == "close" && (!ctx.params.contains("reason") || !ctx.params["reason"].is_string()))
    return make_error("required", "reason", "请写明原因", "A reason is required");
  if (transition == "finish") ctx.fields["finished_by"] = ctx.actor.user_id;
  return ok_status();
}

inline kinds::Registry test_registry() {
  kinds::Registry r;
  kinds::KindSpec note;
  note.name = "note";
  note.validate = validate_note;
  note.create_rights = kUnitStaff | kAdmin;
  note.edit_rights = kUnitStaff | kAdmin;
  r.add(note);

  kinds::KindSpec ticket;
  ticket.name = "ticket";
  ticket.workflow = &ticket_workflow();
  ticket.create_rights = kOwner | kUnitStaff;
  ticket.edit_rights = kOwner | kUnitStaff;
  ticket.step_only_fields = {"finished_by"};
  ticket.on_step = ticket_step;
  r.add(ticket);
  return r;
}

// District "d" > town "t1" (> company "c1"), town "t2".
inline UnitTree test_units() {
  UnitTree u;
  u.add("d", "");
  u.add("t1", "d");
  u.add("t2", "d");
  u.add("c1", "t1");
  return u;
}

inline sync::Op make_op(const std::string& kind, const std::string& id, sync::Hlc hlc, nlohmann::json set,
                        std::string transition = "", bool del = false) {
  static int counter = 0;
  char op_id[40];
  std::snprintf(op_id, sizeof op_id, "00000000-0000-4000-8000-%012d", ++counter);
  return sync::Op{op_id, kind, id, std::move(hlc), std::move(set), std::move(transition), del};
}

}  // namespace nx::test
