#pragma once
// Field-level errors: what is wrong, with which field, in words for people (zh-CN, English).
#include <string>
#include <vector>

#include "core/messages/catalog.h"
#include "core/result.h"

namespace nx {

using Errors = std::vector<Error>;

inline Error make_error(std::string code, std::string field, std::string zh, std::string en) {
  return Error{std::move(code), std::move(field), std::move(zh), std::move(en)};
}

// An error in the catalog's words: `code` names the rule, `msg` (with `params`) says it.
inline Error catalog_error(std::string code, std::string field, Msg msg, const std::vector<Param>& params = {}) {
  return make_error(std::move(code), std::move(field), render(msg, Locale::ZhCN, params), render(msg, Locale::En, params));
}

// A Result with no value: ok, or the first error.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

// Field names in messages are shown as the field key; screens map keys to labels.
inline Error required_error(const std::string& field) {
  return catalog_error("required", field, Msg::ErrFieldIsRequired, {field});
}

}  // namespace nx
