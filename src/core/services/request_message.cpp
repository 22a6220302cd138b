#include "core/services/request_message.h"

#include <algorithm>

namespace nx::services {

using nlohmann::json;

namespace {
constexpr std::string_view kFields[] = {"request_id", "owner_id", "unit_id", "provider_id",
                                        "author_id",  "author_role", "at",   "text"};
}

Errors validate_request_message(const json& fields) {
  json_in::Reader r(fields, "fields");
  if (!r.ok()) return r.take_errors();
  refuse_unknown_fields(r, fields, kFields);
  read_id(r, "request_id", true);
  read_id(r, "owner_id", true);
  read_id(r, "unit_id", true);
  read_id(r, "provider_id", false);
  read_id(r, "author_id", true);
  if (!r.has("author_role")) r.require("author_role");
  else r.one_of("author_role", kAuthorRoles);
  if (!r.has("at")) r.require("at");
  else r.datetime("at");
  r.required_str("text", kMaxMessageChars);
  return r.take_errors();
}

namespace {

// Who writes is whom the request names: its worker, its assigned provider, or (having passed
// create_rights with neither) staff over its unit. The message's copied access fields must
// equal the request's, so the rights apply_op granted over them are rights over the request.
Status message_on_create(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  const json& f = ctx.fields;
  const sync::Record* request = live_record(*ctx.records, "service_request", field_str(f, "request_id"));
  if (!request) return not_found("request_id", Msg::NounServiceRequest);
  if (request->str("status") == "cancelled")
    return catalog_error("request_closed", "request_id", Msg::ErrTheRequestWasCancelledNoMore);
  for (const char* field : {"owner_id", "unit_id", "provider_id"})
    if (field_str(f, field) != request->str(field)) return mismatch(field, Msg::NounServiceRequest);

  if (field_str(f, "author_id") != ctx.actor.user_id)
    return catalog_error("author_mismatch", "author_id", Msg::ErrYouCanOnlyWriteAsYourself);
  const std::string role = author_role_for(ctx.actor, *request);
  if (role.empty()) return catalog_error("forbidden", "", Msg::ErrYouMayNotWriteInThis);
  if (field_str(f, "author_role") != role)
    return catalog_error("author_role_mismatch", "author_role", Msg::ErrAuthorRoleWrong);
  return ok_status();
}

}  // namespace

std::string author_role_for(const Actor& actor, const sync::Record& request) {
  if (actor.user_id == request.str("owner_id")) return "worker";
  if (!actor.provider_id.empty() && actor.provider_id == request.str("provider_id")) return "provider";
  if (actor.role != Role::Worker) return "staff";
  return "";
}

std::vector<const sync::Record*> request_thread(const sync::RecordSource& records, const std::string& request_id) {
  std::vector<const sync::Record*> thread = records.find("request_message", "request_id", request_id);
  auto moment = [](const sync::Record* r) { return civil::parse_datetime_ms(r->str("at")).value_or(0); };
  std::sort(thread.begin(), thread.end(), [&](const sync::Record* a, const sync::Record* b) {
    const auto ma = moment(a), mb = moment(b);
    return ma != mb ? ma < mb : a->id < b->id;
  });
  return thread;
}

kinds::KindSpec request_message_kind() {
  kinds::KindSpec spec;
  spec.name = "request_message";
  spec.validate = validate_request_message;
  spec.create_rights = kOwner | kUnitStaff | kProvider;
  spec.edit_rights = kAdmin;
  spec.on_create = message_on_create;
  return spec;
}

}  // namespace nx::services
