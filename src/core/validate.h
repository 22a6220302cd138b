#pragma once
// Checks of single values that every form and every API call shares. Each returns nullopt
// when the value is fine, or the Error to show, naming `field`.
#include <optional>
#include <string>
#include <string_view>

#include "core/errors.h"

namespace nx::validate {

// Mainland China mobile numbers: 11 digits starting 13-19. "+86 138-0013-8000" normalizes to
// "13800138000"; nullopt if it is not such a number.
std::optional<std::string> normalize_phone(std::string_view raw);
std::optional<Error> phone(std::string_view value, const std::string& field = "phone");
// "138****8000": how other people's numbers are shown in lists.
std::string mask_phone(std::string_view normalized);

// A person's name: 1-30 characters after trimming; letters, hanzi, the middle dot of
// minority names (·), spaces, apostrophes and hyphens; no digits.
std::optional<Error> person_name(std::string_view value, const std::string& field = "name");

// Free text: valid UTF-8, at most `max_chars` characters (and at least `min_chars`).
std::optional<Error> text(std::string_view value, const std::string& field, std::size_t max_chars,
                          std::size_t min_chars = 0);

// A 6-digit PIN, not all one digit and not a run like 123456.
std::optional<Error> pin(std::string_view value, const std::string& field = "pin");

// Dates and times as the wire carries them.
std::optional<Error> date(std::string_view value, const std::string& field);         // YYYY-MM-DD
std::optional<Error> time_of_day(std::string_view value, const std::string& field);  // HH:MM, 00:00-24:00
std::optional<Error> datetime(std::string_view value, const std::string& field);     // YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)

std::optional<Error> latitude(double value, const std::string& field = "lat");
std::optional<Error> longitude(double value, const std::string& field = "lng");

// Record ids are UUIDs made on the device (8-4-4-4-12 hex, lower or upper case).
bool is_uuid(std::string_view value);
std::optional<Error> uuid(std::string_view value, const std::string& field = "id");

}  // namespace nx::validate
