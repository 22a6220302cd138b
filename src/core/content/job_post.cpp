#include "core/content/job_post.h"

#include "core/json_in.h"
#include "core/membership/trades.h"

namespace nx::content {

using nlohmann::json;
using kinds::refuse_unknown_fields;

namespace {
Errors validate(const json& fields) { return decode_job_post(fields).errors; }
}  // namespace

Decoded<JobPost> decode_job_post(const json& fields) {
  Decoded<JobPost> out;
  JobPost& j = out.value;
  json_in::Reader r(fields, "job_post");
  j.title = r.required_str("title", 40);
  if (auto v = r.one_of("trade", membership::kTradeNames)) j.trade = *v; else r.require("trade");
  j.employer = r.required_str("employer", 60);
  j.place = r.required_str("place", 60);
  j.contact = r.required_str("contact", 60);
  j.description = r.str("description", 1000).value_or("");
  j.unit_id = r.required_uuid("unit_id");
  j.published_on = r.required_date("published_on");
  if (auto v = r.int_in("pay_min", 0, 1000000)) j.pay_min = *v; else r.require("pay_min");
  if (auto v = r.int_in("pay_max", 0, 1000000)) j.pay_max = *v; else r.require("pay_max");
  if (j.pay_max < j.pay_min)
    r.add(catalog_error("pay_range_invalid", "pay_max", Msg::ErrTheTopOfThePayRange));
  if (fields.contains("open")) {
    if (fields["open"].is_boolean()) j.open = fields["open"].get<bool>();
    else r.add(catalog_error("type_invalid", "open", Msg::ErrOpenMustBeTrueOrFalse));
  }
  refuse_unknown_fields(r, fields, {"title", "trade", "employer", "place", "pay_min", "pay_max", "contact", "description",
                                    "unit_id", "published_on", "open"});
  out.errors = r.take_errors();
  return out;
}

kinds::KindSpec job_post_kind() {
  kinds::KindSpec k;
  k.name = kJobPostKind;
  k.validate = validate;
  k.create_rights = kUnitStaff | kAdmin;
  k.edit_rights = kUnitStaff | kAdmin;
  k.is_public = true;
  return k;
}

}  // namespace nx::content
