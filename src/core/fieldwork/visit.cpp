#include "core/fieldwork/visit.h"

#include "core/json_in.h"
#include "core/text.h"

namespace nx::fieldwork {

using nlohmann::json;
using namespace nx::events;

Decoded<Visit> decode_visit(const json& fields) {
  Decoded<Visit> out;
  json_in::Reader r(fields, "visit");
  Visit& v = out.value;
  v.unit_id = r.required_uuid("unit_id");
  if (auto x = r.one_of("type", kVisitTypes)) v.type = *x; else r.require("type");
  v.enterprise_unit_id = r.uuid("enterprise_unit_id").value_or("");
  v.enterprise_name = r.str("enterprise_name", 100).value_or("");
  v.route = r.str("route", 200).value_or("");
  v.date = r.required_date("date");
  if (auto x = read_id_list(r, fields, "visitors", 1, 20, /*uuids=*/false)) v.visitors = *x; else r.require("visitors");
  v.workers_met = r.int_in("workers_met", 0, 100000).value_or(0);
  v.summary = r.str("summary", 2000).value_or("");
  if (v.type == "ride_along" && text::trim(v.route).empty()) r.add(required_error("route"));
  if (!v.type.empty() && v.type != "ride_along" && text::trim(v.enterprise_name).empty())
    r.add(required_error("enterprise_name"));
  refuse_unknown_fields(r, fields, {"unit_id", "type", "enterprise_unit_id", "enterprise_name", "route", "date", "visitors",
                                    "workers_met", "summary"});
  out.errors = r.take_errors();
  return out;
}

json to_fields(const Visit& v) {
  json j = {{"unit_id", v.unit_id}, {"type", v.type}, {"date", v.date}, {"visitors", v.visitors}, {"workers_met", v.workers_met}};
  auto put = [&](const char* name, const std::string& s) {
    if (!s.empty()) j[name] = s;
  };
  put("enterprise_unit_id", v.enterprise_unit_id);
  put("enterprise_name", v.enterprise_name);
  put("route", v.route);
  put("summary", v.summary);
  return j;
}

Decoded<VisitItem> decode_visit_item(const json& fields) {
  Decoded<VisitItem> out;
  json_in::Reader r(fields, "visit_item");
  VisitItem& i = out.value;
  i.visit_id = r.required_uuid("visit_id");
  i.unit_id = r.required_uuid("unit_id");
  i.text = r.required_str("text", 500);
  if (auto x = r.one_of("category", kConcernCategories)) i.category = *x; else r.require("category");
  refuse_unknown_fields(r, fields, {"visit_id", "unit_id", "text", "category"});
  out.errors = r.take_errors();
  return out;
}

json to_fields(const VisitItem& i) {
  return json{{"visit_id", i.visit_id}, {"unit_id", i.unit_id}, {"text", i.text}, {"category", i.category}};
}

namespace {

Errors validate_visit(const json& fields) { return decode_visit(fields).errors; }
Errors validate_item(const json& fields) { return decode_visit_item(fields).errors; }

Status visit_on_create(kinds::StepContext& ctx) {
  const std::string enterprise = field_str(ctx.fields, "enterprise_unit_id");
  if (enterprise.empty()) return ok_status();
  // Coverage counts visits by this id, so it must name a real company union.
  if (!ctx.records) return records_unavailable();
  const sync::Record* unit = ctx.records->get(kUnitKind, enterprise);
  if (!unit || unit->deleted) return not_found("enterprise_unit_id", Msg::NounCompanyUnion);
  if (unit->str("type") != kCompanyUnionType)
    return catalog_error("not_company_union", "enterprise_unit_id", Msg::ErrThatUnitIsNotACompany);
  return ok_status();
}

Status item_on_create(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  const sync::Record* visit = ctx.records->get(kVisitKind, field_str(ctx.fields, "visit_id"));
  if (!visit || visit->deleted) return not_found("visit_id", Msg::NounVisit);
  if (field_str(ctx.fields, "unit_id") != visit->str("unit_id"))
    return catalog_error("unit_mismatch", "unit_id", Msg::ErrAnItemBelongsToItsVisits);
  return ok_status();
}

}  // namespace

kinds::KindSpec visit_kind() {
  kinds::KindSpec k;
  k.name = kVisitKind;
  k.validate = validate_visit;
  k.create_rights = kUnitStaff | kAdmin;
  k.edit_rights = kUnitStaff | kAdmin;
  k.on_create = visit_on_create;
  return k;
}

kinds::KindSpec visit_item_kind() {
  kinds::KindSpec k;
  k.name = kVisitItemKind;
  k.validate = validate_item;
  k.create_rights = kUnitStaff | kAdmin;
  k.edit_rights = kUnitStaff | kAdmin;
  k.on_create = item_on_create;
  return k;
}

}  // namespace nx::fieldwork
