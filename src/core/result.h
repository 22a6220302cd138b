#pragma once
// Errors are values in core and app (STYLE.md): a Result<T> holds a T or an Error, and every
// Error a person may see carries its words in both languages.
#include <string>
#include <utility>
#include <variant>

#include "core/locale.h"

namespace nx {

struct Error {
  std::string code;        // stable, machine-readable: "required", "phone_invalid", ...
  std::string field;       // the field the error is about; empty when it is about the whole
  std::string message_zh;  // shown to people in zh-CN
  std::string message_en;  // shown to people in English

  const std::string& message(Locale l) const { return l == Locale::En ? message_en : message_zh; }
  bool operator==(const Error&) const = default;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit on purpose
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit on purpose

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace nx
