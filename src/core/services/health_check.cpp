#include "core/services/health_check.h"

#include <algorithm>

namespace nx::services {

using nlohmann::json;

namespace {
constexpr std::string_view kSlotFields[] = {"unit_id",  "place",    "address",  "date",
                                            "start_time", "end_time", "capacity", "note", "places_taken"};
constexpr std::string_view kBookingFields[] = {"slot_id", "owner_id", "unit_id", "status"};
}  // namespace

Errors validate_health_check_slot(const json& fields) {
  json_in::Reader r(fields, "fields");
  if (!r.ok()) return r.take_errors();
  refuse_unknown_fields(r, fields, kSlotFields);
  read_id(r, "unit_id", true);
  r.required_str("place", 100);
  r.str("address", 200);
  if (!r.has("date")) r.require("date");
  else r.date("date");
  std::optional<std::string> start, end;
  if (!r.has("start_time")) r.require("start_time");
  else start = r.time_of_day("start_time");
  if (!r.has("end_time")) r.require("end_time");
  else end = r.time_of_day("end_time");
  if (start && end && *civil::parse_time_of_day(*end) <= *civil::parse_time_of_day(*start))
    r.add(catalog_error("time_range_invalid", "end_time", Msg::ErrTheEndTimeMustBeAfter));
  if (!r.has("capacity")) r.require("capacity");
  else r.int_in("capacity", 1, kMaxSlotCapacity);
  r.int_in("places_taken", 0, kMaxSlotCapacity);  // kept by the server: see places_taken()
  r.str("note", 500);
  return r.take_errors();
}

Errors validate_health_check_booking(const json& fields) {
  json_in::Reader r(fields, "fields");
  if (!r.ok()) return r.take_errors();
  refuse_unknown_fields(r, fields, kBookingFields);
  read_id(r, "slot_id", true);
  read_id(r, "owner_id", true);
  read_id(r, "unit_id", true);
  if (!r.has("status")) r.require("status");
  else r.one_of("status", kBookingStates);
  return r.take_errors();
}

const Workflow& health_check_booking_workflow() {
  static const Workflow wf{"health_check_booking",
                           "booked",
                           {kBookingStates.begin(), kBookingStates.end()},
                           {{"cancel", {"booked"}, "cancelled", kOwner | kUnitStaff},
                            {"attend", {"booked"}, "attended", kUnitStaff},
                            {"no_show", {"booked"}, "no_show", kUnitStaff}}};
  return wf;
}

std::size_t places_taken(const sync::RecordSource& records, const std::string& slot_id) {
  std::size_t n = 0;
  for (const sync::Record* b : records.find("health_check_booking", "slot_id", slot_id))
    if (!b->deleted && b->str("status") != "cancelled") ++n;
  // A worker's phone sees only its own bookings; the server keeps the count on the slot.
  const sync::Record* slot = records.get("health_check_slot", slot_id);
  const std::int64_t kept = slot ? slot->integer("places_taken", 0) : 0;
  return std::max(n, static_cast<std::size_t>(std::max<std::int64_t>(0, kept)));
}

std::size_t count_bookings(const sync::RecordSource& records, const std::string& slot_id) {
  std::size_t n = 0;
  for (const sync::Record* b : records.find("health_check_booking", "slot_id", slot_id))
    if (!b->deleted && b->str("status") != "cancelled") ++n;
  return n;
}

namespace {

// When the slot's time window ends, as a Unix moment (China local time); nullopt if the
// stored slot is unreadable.
std::optional<std::int64_t> slot_end_ms(const sync::Record& slot) {
  auto date = civil::parse_date(slot.str("date"));
  auto end = civil::parse_time_of_day(slot.str("end_time"));
  if (!date || !end) return std::nullopt;
  return civil::from_china_local(*date, *end);
}

Status booking_on_create(kinds::StepContext& ctx) {
  if (!ctx.records) return records_unavailable();
  const json& f = ctx.fields;
  const std::string slot_id = field_str(f, "slot_id");
  const sync::Record* slot = live_record(*ctx.records, "health_check_slot", slot_id);
  if (!slot) return not_found("slot_id", Msg::NounHealthCheckSlot);
  if (field_str(f, "unit_id") != slot->str("unit_id")) return mismatch("unit_id", Msg::NounHealthCheckSlot);
  auto end = slot_end_ms(*slot);
  if (!end || ctx.now_ms >= *end)
    return catalog_error("slot_past", "slot_id", Msg::ErrThisSlotIsOverChooseAnother);
  for (const sync::Record* b : ctx.records->find("health_check_booking", "slot_id", slot_id))
    if (b->str("status") != "cancelled" && b->str("owner_id") == field_str(f, "owner_id"))
      return catalog_error("already_booked", "slot_id", Msg::ErrYouHaveAlreadyBookedThisSlot);
  if (static_cast<std::int64_t>(places_taken(*ctx.records, slot_id)) >= slot->integer("capacity", 0))
    return catalog_error("slot_full", "slot_id", Msg::ErrThisSlotIsFullChooseAnother);
  return ok_status();
}

Status booking_on_step(const std::string& transition, kinds::StepContext& ctx) {
  if (Status s = only_params(ctx.params, {}); !s) return s;
  if (transition != "attend" && transition != "no_show") return ok_status();
  // Whether someone came is known only once the visit has begun.
  if (!ctx.records) return records_unavailable();
  const sync::Record* slot = live_record(*ctx.records, "health_check_slot", ctx.before.str("slot_id"));
  if (!slot) return not_found("slot_id", Msg::NounHealthCheckSlot);
  auto date = civil::parse_date(slot->str("date"));
  if (!date || china_today(ctx.now_ms) < *date)
    return catalog_error("too_early", "transition", Msg::ErrAttendanceIsRecordedFromTheDay);
  return ok_status();
}

}  // namespace

kinds::KindSpec health_check_slot_kind() {
  kinds::KindSpec spec;
  spec.name = "health_check_slot";
  spec.validate = validate_health_check_slot;
  spec.create_rights = kUnitStaff;
  spec.edit_rights = kUnitStaff;
  spec.step_only_fields = {"places_taken"};  // the server's count, never typed in
  spec.is_public = true;
  return spec;
}

kinds::KindSpec health_check_booking_kind() {
  kinds::KindSpec spec;
  spec.name = "health_check_booking";
  spec.validate = validate_health_check_booking;
  spec.workflow = &health_check_booking_workflow();
  spec.create_rights = kOwner | kUnitStaff;
  spec.edit_rights = kAdmin;  // cancel and book again rather than move a booking
  spec.on_create = booking_on_create;
  spec.on_step = booking_on_step;
  spec.recounts = {{kinds::Counter::SlotPlaces, "slot_id"}};
  return spec;
}

}  // namespace nx::services
