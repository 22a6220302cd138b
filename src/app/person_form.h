#pragma once
// The person part of a join form (the worker about themselves) and of an on-the-spot
// enrolment (staff about the person beside them): normalized as the core stores it, with every
// problem named beside its field, as a code drawn in the language of the moment.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "app/notice.h"

namespace nx::app {

struct PersonInput {
  std::string name, phone, trade, employer, area;
  bool self = true;  // the person fills it in about themselves ("你的职业") or staff do
};

// name, phone, trade, area and employer (absent when empty), normalized. Missing ones are
// named in `errors`.
nlohmann::json checked_person(const PersonInput& in, FieldErrors& errors);

// The core's own checks of a whole application (a number that is not a mobile number, a name
// too long), added where the field has no message yet. "required" is left to the form's words.
void add_core_errors(const nlohmann::json& application_fields, FieldErrors& errors);

}  // namespace nx::app
