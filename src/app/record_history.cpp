#include "app/record_history.h"

#include "core/kinds/kind_support.h"

namespace nx::app {

namespace {

// The words of the common steps; others are shown by their name.
Message step_words(const std::string& step) {
  struct Words {
    const char* step;
    Msg words;
  };
  static constexpr Words kWords[] = {
      {"submit", Msg::StepSubmit},   {"resubmit", Msg::StepResubmit}, {"approve", Msg::StepApprove},
      {"reject", Msg::StepReject},   {"request_info", Msg::StepRequestInfo}, {"withdraw", Msg::StepWithdraw},
      {"match", Msg::StepMatch},     {"deliver", Msg::StepDeliver},   {"confirm", Msg::StepConfirm},
      {"reopen", Msg::StepReopen},   {"cancel", Msg::StepCancel},     {"cancel_by_staff", Msg::StepCancelByStaff},
      {"check_in", Msg::StepCheckIn}, {"void", Msg::StepVoid},
  };
  for (const Words& w : kWords)
    if (step == w.step) return Message{w.words, {}};
  return Message{Msg::HistoryOtherStep, {step}};
}

}  // namespace

std::string HistoryLine::text(Locale locale) const {
  if (what.msg != Msg::HistoryChanged) return what.text(locale);
  std::string list;
  for (const std::string& f : fields) list += (list.empty() ? "" : std::string(message_text(Msg::ListSeparator, locale))) + f;
  return render(Msg::HistoryChanged, locale, {list});
}

std::vector<HistoryLine> read_history(const nlohmann::json& answer) {
  std::vector<HistoryLine> out;
  if (!answer.is_object() || !answer.contains("history") || !answer["history"].is_array()) return out;
  for (const nlohmann::json& e : answer["history"]) {
    if (!e.is_object() || !e.contains("op") || !e["op"].is_object()) continue;
    const nlohmann::json& op = e["op"];
    HistoryLine line;
    line.at_ms = kinds::field_int(e, "at");
    line.who = kinds::field_str(e, "user_name");
    if (line.who.empty()) line.who = kinds::field_str(e, "user_id");
    line.refused = kinds::field_str(e, "status") == "rejected";
    const std::string transition = kinds::field_str(op, "transition");
    // The server keeps the earlier value of each field a change touched: all of them null
    // means the record did not exist before.
    bool created = true;
    if (e.contains("previous") && e["previous"].is_object())
      for (const auto& [field, value] : e["previous"].items()) created = created && value.is_null();
    // "delete", as the wire format (core/sync/op.cpp) names it.
    if (op.contains("delete") && op["delete"].is_boolean() && op["delete"].get<bool>()) {
      line.what = Message{Msg::HistoryDeleted, {}};
    } else if (!transition.empty()) {
      line.what = step_words(transition);
    } else if (created) {
      line.what = Message{Msg::HistoryCreated, {}};
    } else {
      if (op.contains("set") && op["set"].is_object())
        for (const auto& [field, value] : op["set"].items()) line.fields.push_back(field);
      line.what = Message{Msg::HistoryChanged, {}};
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace nx::app
