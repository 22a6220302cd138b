#include "app/person_form.h"

#include "core/membership/application.h"
#include "core/membership/person.h"

namespace nx::app {

nlohmann::json checked_person(const PersonInput& in, Locale locale, FieldErrors& errors) {
  nlohmann::json person = {
      {"name", in.name}, {"phone", in.phone}, {"trade", in.trade}, {"employer", in.employer}, {"area", in.area}};
  membership::normalize_person_input(person);
  if (person["employer"].get<std::string>().empty()) person.erase("employer");
  if (person["name"].get<std::string>().empty())
    errors["name"] = say(locale, "请填写姓名", in.self ? "Enter your name" : "Enter the name");
  if (person["phone"].get<std::string>().empty())
    errors["phone"] = say(locale, "请填写手机号", in.self ? "Enter your mobile number" : "Enter the mobile number");
  if (in.trade.empty())
    errors["trade"] = in.self ? say(locale, "请选择你的职业", "Choose what you do") : say(locale, "请选择职业", "Choose the trade");
  if (person["area"].get<std::string>().empty())
    errors["area"] = in.self ? say(locale, "请选择你生活或工作的街道（镇）", "Choose the street or town where you live or work")
                             : say(locale, "请选择所属工会", "Choose the union");
  return person;
}

void add_core_errors(const nlohmann::json& application_fields, Locale locale, FieldErrors& errors) {
  for (const Error& e : membership::validate_application(application_fields))
    if (!e.field.empty() && !errors.count(e.field) && e.code != "required") errors[e.field] = e.message(locale);
}

}  // namespace nx::app
