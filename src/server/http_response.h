#pragma once
// The few ways the server answers: JSON bodies and the contract's JSON errors.
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace httplib {
struct Response;
}

namespace nx::server {

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
// An error in the catalog's words.
void send_error(httplib::Response& res, int status, const Error& error);
void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message_en,
                std::string_view message_zh, std::string_view field = {});

}  // namespace nx::server
