// The question-and-answer thread of a service request, shared by the worker's request page
// (服务) and the staff's (待办): every message with who wrote it and when, and a reply box.
// Each message is its own record, so replies written offline on two devices both survive.
#include "app/device.h"
#include "app/phone.h"
#include "core/civil_time.h"
#include "core/services/request_message.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/labels.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

void request_thread(app::AppState& state, const sync::Record& request, const sync::RecordSource& records,
                    std::string& reply) {
  card_begin("thread");
  paragraph(tr(S::ThreadTitle), theme::kTextMuted, fonts::faces().small);
  const auto messages = services::request_thread(records, request.id);
  if (messages.empty()) paragraph(tr(S::ThreadEmpty), theme::kTextMuted);
  for (const sync::Record* m : messages) {
    const std::string role = m->str("author_role");
    const S who = m->str("author_id") == state.user_id ? S::ThreadMe
                  : role == "provider"                 ? S::ThreadProvider
                  : role == "worker"                   ? S::ThreadWorker
                                                       : S::ThreadStaff;
    paragraph(std::string(tr(who)) + " · " + china_datetime(m->str("at")), theme::kTextMuted, fonts::faces().small);
    paragraph(m->str("text"));
  }
  // A panel lawyer with a staff account answers as 律师 in the requests assigned to them.
  const std::string author_role = services::author_role_for(app::signed_in_actor(state), request);
  if (request.str("status") != "cancelled" && !author_role.empty()) {
    text_field("reply", tr(S::ThreadReply), tr(S::ThreadReplyHint), reply, Keyboard::Text, services::kMaxMessageChars);
    if (button("send-reply", tr(S::ThreadSend), false, !reply.empty())) {
      app::Change c;
      c.kind = "request_message";
      c.id = state.services->new_id();
      c.set = {{"request_id", request.id}, {"owner_id", request.str("owner_id")}, {"unit_id", request.str("unit_id")},
               {"author_id", state.user_id}, {"author_role", author_role}, {"at", civil::format_datetime_utc(app::now_ms(state))},
               {"text", reply}};
      if (!request.str("provider_id").empty()) c.set["provider_id"] = request.str("provider_id");
      if (save_or_say(state, c)) reply.clear();
    }
  }
  card_end();
}

}  // namespace nx::ui
