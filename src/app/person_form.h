#pragma once
// The person part of a join form (the worker about themselves) and of an on-the-spot
// enrolment (staff about the person beside them): normalized as the core stores it, with every
// problem named beside its field in the person's language.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/locale.h"

namespace nx::app {

using FieldErrors = std::map<std::string, std::string>;

struct PersonInput {
  std::string name, phone, trade, employer, area;
  bool self = true;  // the person fills it in about themselves ("你的职业") or staff do
};

// name, phone, trade, area and employer (absent when empty), normalized. Missing ones are
// named in `errors`.
nlohmann::json checked_person(const PersonInput& in, Locale locale, FieldErrors& errors);

// The core's own checks of a whole application (a number that is not a mobile number, a name
// too long), added where the field has no message yet. "required" is left to the form's words.
void add_core_errors(const nlohmann::json& application_fields, Locale locale, FieldErrors& errors);

inline std::string say(Locale locale, const char* zh, const char* en) { return locale == Locale::En ? en : zh; }

}  // namespace nx::app
