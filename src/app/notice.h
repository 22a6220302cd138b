#pragma once
// What is said to the person, kept as a code (the catalog's Msg and its parameters) or as what
// the rules refused (an Error, both languages), and drawn in the language of the moment: a
// notice after an action, or the message beside a form's field.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/messages/catalog.h"
#include "core/result.h"

namespace nx::app {

struct Notice {
  Message message;
  std::optional<Error> refusal;
  Notice() = default;
  Notice(Msg msg, std::vector<Param> params = {}) : message{msg, std::move(params)} {}  // NOLINT: implicit on purpose
  Notice(Error error) : refusal(std::move(error)) {}                                        // NOLINT: implicit on purpose
  explicit operator bool() const { return message || refusal; }
  std::string text(Locale locale) const { return refusal ? refusal->message(locale) : message.text(locale); }
  bool operator==(const Notice&) const = default;
};

// A form's problems: field -> what to say beside it ("form" for the form as a whole).
using FieldErrors = std::map<std::string, Notice>;

}  // namespace nx::app
