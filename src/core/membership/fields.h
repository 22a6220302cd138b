#pragma once
// Pieces every decoder of this area shares: Decoded<T> (a value plus EVERY field error, so a
// form can mark all bad fields at once), ids where "" means "none", area codes, refusing fields
// a kind does not know, and the moment "now" as records store it.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_in.h"
#include "core/kinds/kind_support.h"

namespace nx::membership {

using kinds::Decoded;
using kinds::field_str;
using kinds::records_unavailable;
using kinds::refuse_unknown_fields;

// An id field that may be absent or "" (a root unit's parent, an application entered by staff
// for someone without an account); otherwise a UUID. Returns "" for none.
std::string optional_id(json_in::Reader& r, const std::string& field);
// An id that must be there.
std::string required_id(json_in::Reader& r, const std::string& field);

// Area codes name a town or community (statistical division codes such as "321202003001");
// ASCII letters, digits, '-' and '_', 1-32 long.
bool is_area_code(std::string_view code);
std::string read_area(json_in::Reader& r, const std::string& field, bool required);


// True when `field` holds something other than "" (a form's way of saying "none"); a value of
// the wrong type counts as given, so the reader reports it.
bool given(const json_in::Reader& r, const nlohmann::json& fields, const std::string& field);

// Optional free text (a reason, a note): at most `max_chars`, "" allowed.
std::string optional_text(json_in::Reader& r, const std::string& field, std::size_t max_chars);

// A moment as records store it: ISO 8601 UTC ("2026-07-01T02:30:00Z"), so strings sort by time.
std::string iso_moment(std::int64_t unix_ms);



}  // namespace nx::membership
