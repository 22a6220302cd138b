#include "core/services/provider.h"

#include <algorithm>

#include "core/services/public_phone.h"
#include "core/text.h"

namespace nx::services {

using nlohmann::json;

namespace {
constexpr std::string_view kFields[] = {"name",    "type",    "services", "office_hours", "phone",
                                        "unit_id", "active",  "mobile",   "notes"};
}

Errors validate_provider(const json& fields) {
  json_in::Reader r(fields, "fields");
  if (!r.ok()) return r.take_errors();
  refuse_unknown_fields(r, fields, kFields);
  r.required_str("name", 60);
  if (!r.has("type")) r.require("type");
  else r.one_of("type", kProviderTypes);
  if (!r.has("services")) {
    r.require("services");
  } else if (auto s = r.string_set("services", kProviderServices); s && s->empty()) {
    r.add(catalog_error("required", "services", Msg::ErrChooseAtLeastOneService));
  }
  read_id(r, "unit_id", true);
  r.str("office_hours", 100);
  if (auto v = r.str("phone", 30); v && !text::trim(*v).empty())
    if (auto e = public_phone(*v, "phone")) r.add(*e);
  if (auto v = r.str("mobile", 30); v && !text::trim(*v).empty()) r.phone("mobile");
  r.boolean("active");
  r.str("notes", 1000);
  return r.take_errors();
}

json provider_public_view(const json& fields) {
  json view = json::object();
  if (!fields.is_object()) return view;
  for (std::string_view name : kProviderPublicFields) {
    auto it = fields.find(name);
    if (it != fields.end()) view[std::string(name)] = *it;
  }
  return view;
}

bool provider_offers(const json& fields, std::string_view service) {
  if (!fields.is_object()) return false;
  if (auto a = fields.find("active"); a != fields.end() && a->is_boolean() && !a->get<bool>()) return false;
  auto s = fields.find("services");
  if (s == fields.end() || !s->is_array()) return false;
  return std::any_of(s->begin(), s->end(), [&](const json& v) { return v.is_string() && v.get<std::string>() == service; });
}

kinds::KindSpec provider_kind() {
  kinds::KindSpec spec;
  spec.name = "provider";
  spec.validate = validate_provider;
  spec.create_rights = kUnitStaff;
  spec.edit_rights = kUnitStaff;
  spec.is_public = true;
  spec.private_fields = {"mobile", "notes"};  // the office phone stays public
  return spec;
}

}  // namespace nx::services
