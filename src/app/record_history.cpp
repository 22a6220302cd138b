#include "app/record_history.h"

#include "app/person_form.h"
#include "core/kinds/kind_support.h"

namespace nx::app {

namespace {

// The words of the common steps; others are shown by their name.
std::string step_words(const std::string& step, Locale locale) {
  struct Words {
    const char* step;
    const char* zh;
    const char* en;
  };
  static constexpr Words kWords[] = {
      {"submit", "提交", "submitted"},        {"resubmit", "补充后重新提交", "resubmitted"},
      {"approve", "批准", "approved"},        {"reject", "不批准", "refused"},
      {"request_info", "请申请人补充", "asked for more"}, {"withdraw", "撤回", "withdrew"},
      {"match", "配单", "assigned"},          {"deliver", "送单", "delivered"},
      {"confirm", "确认并评价", "confirmed"}, {"reopen", "重新打开", "reopened"},
      {"cancel", "取消", "cancelled"},        {"cancel_by_staff", "工会取消", "cancelled by the union"},
      {"check_in", "签到", "checked in"},     {"void", "作废", "voided"},
  };
  for (const Words& w : kWords)
    if (step == w.step) return say(locale, w.zh, w.en);
  return step;
}

}  // namespace

std::vector<HistoryLine> read_history(const nlohmann::json& answer, Locale locale) {
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
      line.what = say(locale, "删除", "deleted");
    } else if (!transition.empty()) {
      line.what = step_words(transition, locale);
    } else if (created) {
      line.what = say(locale, "新建", "created");
    } else {
      std::string fields;
      if (op.contains("set") && op["set"].is_object())
        for (const auto& [field, value] : op["set"].items()) fields += (fields.empty() ? "" : say(locale, "、", ", ")) + field;
      line.what = say(locale, "修改：", "changed: ") + fields;
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace nx::app
