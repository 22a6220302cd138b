#pragma once
// 流动体检车: a mobile health-check visit offers slots (a place, a date, a time window, a number
// of places) and workers book one.
// Record kind "health_check_slot" (staff of its unit keep it); fields:
//   unit_id, place, address, date, start_time, end_time ("HH:MM", start before end), capacity, note
// Record kind "health_check_booking"; fields: slot_id, owner_id (the worker), unit_id (the
// slot's), status
//   booked --cancel--> cancelled       the worker, or staff over the slot's unit
//   booked --attend--> attended        staff, from the slot's date on
//   booked --no_show--> no_show        staff, from the slot's date on
// Created by the worker or by staff for them. Creating it checks, against the records there
// (the server's are the truth): the slot exists and has not ended, the booking carries its
// unit, the person has no other booking for the slot that is not cancelled, and the bookings
// that are not cancelled stay within the capacity.
#include <array>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/services/kind_support.h"
#include "core/workflow.h"

namespace nx::services {

inline constexpr std::array<std::string_view, 4> kBookingStates{"booked", "cancelled", "attended", "no_show"};
inline constexpr std::int64_t kMaxSlotCapacity = 2000;

Errors validate_health_check_slot(const nlohmann::json& fields);
Errors validate_health_check_booking(const nlohmann::json& fields);
const Workflow& health_check_booking_workflow();

// Places of the slot held by bookings (every state but cancelled): the larger of the bookings
// in `records` and the slot's "places_taken", which the server keeps current because a
// worker's phone sees only its own bookings.
std::size_t places_taken(const sync::RecordSource& records, const std::string& slot_id);
// The bookings in `records` alone: what the server counts to keep "places_taken".
std::size_t count_bookings(const sync::RecordSource& records, const std::string& slot_id);

kinds::KindSpec health_check_slot_kind();
kinds::KindSpec health_check_booking_kind();

}  // namespace nx::services
