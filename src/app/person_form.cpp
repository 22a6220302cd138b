#include "app/person_form.h"

#include "core/membership/application.h"
#include "core/membership/person.h"

namespace nx::app {

nlohmann::json checked_person(const PersonInput& in, FieldErrors& errors) {
  nlohmann::json person = {
      {"name", in.name}, {"phone", in.phone}, {"trade", in.trade}, {"employer", in.employer}, {"area", in.area}};
  membership::normalize_person_input(person);
  if (person["employer"].get<std::string>().empty()) person.erase("employer");
  if (person["name"].get<std::string>().empty())
    errors["name"] = in.self ? Msg::FormEnterYourName : Msg::FormEnterTheName;
  if (person["phone"].get<std::string>().empty())
    errors["phone"] = in.self ? Msg::FormEnterYourPhone : Msg::FormEnterThePhone;
  if (in.trade.empty())
    errors["trade"] = in.self ? Msg::FormChooseYourTrade : Msg::FormChooseTheTrade;
  if (person["area"].get<std::string>().empty())
    errors["area"] = in.self ? Msg::FormChooseYourArea : Msg::FormChooseTheUnion;
  return person;
}

void add_core_errors(const nlohmann::json& application_fields, FieldErrors& errors) {
  for (const Error& e : membership::validate_application(application_fields))
    if (!e.field.empty() && !errors.count(e.field) && e.code != "required") errors[e.field] = e;
}

}  // namespace nx::app
