#pragma once
// Phone numbers that a station or an office publishes: besides a mainland mobile, a landline
// with its area code ("0523-86012345"), a 400/800 number, or a 12xxx public hotline such as
// the union's 12351. People type them every way, so they are read leniently and shown in one form.
#include <optional>
#include <string>
#include <string_view>

#include "core/errors.h"

namespace nx::services {

// "0523 8601 2345", "(0523)86012345", "+86 523 86012345" -> "0523-86012345"; a mobile ->
// its 11 digits; "4008123123" -> "400-812-3123"; "12351" -> "12351". nullopt if none of these.
std::optional<std::string> normalize_public_phone(std::string_view raw);

// nullopt when fine, else "phone_invalid" naming `field`, with an example of each accepted form.
std::optional<Error> public_phone(std::string_view value, const std::string& field);

}  // namespace nx::services
