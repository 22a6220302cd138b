#include "server/http_response.h"

#include <httplib.h>

namespace nx::server {

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  // Replace, don't throw: a stored string with broken UTF-8 must not turn an answer into a 500.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message_en,
                std::string_view message_zh, std::string_view field) {
  nlohmann::json e = {{"code", code}, {"message", message_en}, {"message_zh", message_zh}};
  if (!field.empty()) e["field"] = field;
  send_json(res, status, {{"error", e}});
}

void send_error(httplib::Response& res, int status, const Error& error) {
  send_error(res, status, error.code, error.message_en, error.message_zh, error.field);
}

}  // namespace nx::server
