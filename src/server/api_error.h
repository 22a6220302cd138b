#pragma once
// An answer other than success, as the HTTP layer sends it: {error:{code, message, field?}}
// with a status from DESIGN.md's contract. Thrown by the server's services and caught once per
// request, so handlers read as the happy path.
#include <exception>

#include "core/errors.h"

namespace nx::server {

struct ApiError : std::exception {
  ApiError(int status, Error error, int retry_after_s = 0)
      : status(status), error(std::move(error)), retry_after_s(retry_after_s) {}
  const char* what() const noexcept override { return error.message_en.c_str(); }

  int status;
  Error error;
  int retry_after_s;  // sent as Retry-After when above 0 (429)
};

inline ApiError bad_request(Error e) { return ApiError(400, std::move(e)); }

}  // namespace nx::server
