#pragma once
// The person fields a membership application and a member record share: the minimum the
// union needs (PIPL): name, mobile number, trade, employer, and the area where they live or
// work (the key to routing). No ID-card number, no address.
#include <array>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_in.h"
#include "core/membership/trades.h"

namespace nx::membership {

struct Person {
  std::string name;
  std::string phone;  // normalized: 11 digits
  Trade trade = Trade::Other;
  std::string employer;  // "" when none (the trade "other", a freelancer)
  std::string area;
};

inline constexpr std::array<std::string_view, 5> kPersonFields = {"name", "phone", "trade", "employer", "area"};

// Reads and checks the person fields. The phone must be stored normalized (normalize first
// with normalize_person_input), so equal numbers are equal strings for matching and indexes.
void read_person(json_in::Reader& r, const nlohmann::json& fields, Person& out);

// What a form sends, made storable: name/employer/area trimmed, a valid phone normalized
// ("+86 138-0013-8000" -> "13800138000"). Leaves anything it cannot fix for the validator.
void normalize_person_input(nlohmann::json& fields);

// Copies the person fields from one record's fields to another's.
void copy_person_fields(const nlohmann::json& from, nlohmann::json& to);

}  // namespace nx::membership
