// 服务: ask the union's panel lawyers a question (written offline, sent when there is signal)
// and follow the questions asked; the other services come with the worker app.
#include <string>

#include "app/phone.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

// The unit a worker's request goes to: their own union if they are a member, otherwise the
// district federation at the top of the tree (兜底: nobody is turned away).
std::string unit_for(const app::AppState& state, const sync::RecordSource& records) {
  for (const sync::Record* m : records.find("member", "owner_id", state.user_id))
    if (!m->str("unit_id").empty()) return m->str("unit_id");
  for (const sync::Record* u : records.all("unit"))
    if (u->str("parent_id").empty()) return u->id;
  return {};
}

S status_label(const std::string& status) {
  if (status == "matched") return S::StatusMatched;
  if (status == "cancelled") return S::StatusCancelled;
  if (status == "delivered" || status == "confirmed") return S::StatusDone;
  return S::StatusOrdered;
}

void ask(app::AppState& state) {
  const sync::RecordSource* records = state.services->records();
  app::Change c;
  c.kind = "service_request";
  c.id = state.services->new_id();
  c.set = {{"category", "legal_consultation"}, {"topic", "other"}, {"description", state.request_text},
           {"owner_id", state.user_id}, {"unit_id", records ? unit_for(state, *records) : ""}};
  auto saved = state.services->save(c);
  if (!saved) {
    state.notice = saved.error().message(state.locale);
    return;
  }
  state.request_text.clear();
  state.notice.clear();
}

}  // namespace

void draw_services(app::AppState& state) {
  heading(tr(S::ServicesTitle));
  paragraph(tr(S::ServicesIntro), theme::kTextMuted);

  card_begin("ask");
  heading(tr(S::AskTitle));
  if (!state.sync.signed_in || !state.services) {
    paragraph(tr(S::AskSignInFirst), theme::kTextMuted);
  } else {
    text_field("question", tr(S::AskTitle), tr(S::AskHint), state.request_text, Keyboard::Text, 1000);
    if (!state.notice.empty()) paragraph(state.notice, theme::kTextMuted);
    if (button("send", tr(S::AskSubmit), true, !state.request_text.empty())) ask(state);
  }
  card_end();

  if (state.sync.signed_in && state.services && state.services->records()) {
    const auto mine = state.services->records()->find("service_request", "owner_id", state.user_id);
    if (!mine.empty()) {
      card_begin("mine");
      heading(tr(S::MyQuestions));
      for (const sync::Record* r : mine) {
        ImGui::PushID(r->id.c_str());
        const bool waiting = state.services->unsynced("service_request", r->id);
        chip(tr(waiting ? S::StatusWaiting : status_label(r->str("status"))), waiting ? theme::kWarn : theme::kOk,
             waiting ? theme::kWarnSoft : theme::kOkSoft);
        paragraph(r->str("description"));
        const std::string status = r->str("status");
        if (status == "ordered" || status == "matched" || status == "reopened") {
          if (button("withdraw", tr(S::Withdraw), false)) {
            app::Change c;
            c.kind = "service_request";
            c.id = r->id;
            c.transition = "cancel";
            c.set = {{"reason", std::string(tr(S::WithdrawReason))}};
            if (auto saved = state.services->save(c); !saved) state.notice = saved.error().message(state.locale);
          }
        }
        ImGui::PopID();
      }
      card_end();
    }
  }

  card_begin("coming");
  chip(tr(S::ComingSoon), theme::kWarn, theme::kWarnSoft);
  paragraph(tr(S::ServicesComing));
  card_end();
}

}  // namespace nx::ui
