#include "core/membership/person.h"

#include "core/membership/fields.h"
#include "core/text.h"
#include "core/validate.h"

namespace nx::membership {

using nlohmann::json;

void read_person(json_in::Reader& r, const json& fields, Person& out) {
  if (!r.has("name")) {
    r.add(catalog_error("required", "name", Msg::ErrPleaseEnterAName));
  } else if (auto name = r.str("name", 60)) {
    if (auto e = validate::person_name(*name, "name")) r.add(*e);
    else out.name = text::trim(*name);
  }

  if (!r.has("phone")) {
    r.add(catalog_error("required", "phone", Msg::ErrPleaseEnterAMobileNumber));
  } else if (auto phone = r.phone("phone")) {
    if (*phone != field_str(fields, "phone"))
      r.add(catalog_error("phone_not_normalized", "phone", Msg::ErrWriteTheMobileNumberAs11));
    else out.phone = *phone;
  }

  if (auto trade = r.one_of("trade", kTradeNames)) out.trade = *parse_trade(*trade);
  else if (!r.has("trade")) r.add(catalog_error("required", "trade", Msg::ErrChooseTheKindOfWorkYou));

  out.employer = text::trim(r.str("employer", 100).value_or(""));
  out.area = read_area(r, "area", true);
}

void normalize_person_input(json& fields) {
  if (!fields.is_object()) return;
  for (const char* f : {"name", "employer", "area"}) {
    auto it = fields.find(f);
    if (it != fields.end() && it->is_string() && text::is_valid_utf8(it->get_ref<const std::string&>()))
      *it = text::trim(it->get_ref<const std::string&>());
  }
  auto phone = fields.find("phone");
  if (phone != fields.end() && phone->is_string())
    if (auto n = validate::normalize_phone(phone->get_ref<const std::string&>())) *phone = *n;
}

void copy_person_fields(const json& from, json& to) {
  for (std::string_view f : kPersonFields) {
    const std::string key(f);
    if (from.contains(key)) to[key] = from[key];
    else to.erase(key);
  }
}

}  // namespace nx::membership
