#include "app/outbox.h"

#include "core/kinds/kind_support.h"

namespace nx::app {

using nlohmann::json;

Error error_from_json(const json& j) {
  auto text = [&](const char* key) { return kinds::field_str(j, key); };
  Error e{text("code"), text("field"), text("message_zh"), text("message")};
  if (e.code.empty()) e.code = "rejected";
  if (e.message_en.empty()) e.message_en = message_text(Msg::ErrServerRefusedChange, Locale::En);
  if (e.message_zh.empty()) e.message_zh = message_text(Msg::ErrServerRefusedChange, Locale::ZhCN);
  return e;
}

json OutboxEntry::to_json() const {
  json j = {{"op", op.to_json()}, {"state", pending() ? "pending" : "rejected"}, {"saved_at", saved_at}, {"order", order}};
  if (reason)
    j["reason"] = {{"code", reason->code}, {"field", reason->field}, {"message", reason->message_en},
                   {"message_zh", reason->message_zh}};
  return j;
}

Result<OutboxEntry> OutboxEntry::from_json(const json& j) {
  const auto bad = catalog_error("outbox_invalid", "outbox", Msg::ErrAChangeSavedOnThisPhone);
  if (!j.is_object() || !j.contains("op")) return bad;
  auto op = sync::decode_op(j["op"]);
  if (!op) return op.error();
  OutboxEntry e;
  e.op = std::move(op).value();
  const std::string state = kinds::field_str(j, "state");
  if (state != "pending" && state != "rejected") return bad;
  e.state = state == "pending" ? State::Pending : State::Rejected;
  if (j.contains("reason")) e.reason = error_from_json(j["reason"]);
  if (!j.contains("saved_at") || !j["saved_at"].is_number_integer() || !j.contains("order") || !j["order"].is_number_integer())
    return bad;
  e.saved_at = j["saved_at"].get<std::int64_t>();
  e.order = j["order"].get<std::int64_t>();
  return e;
}

}  // namespace nx::app
