#pragma once
// Made-up people: Chinese names from common surnames and given-name characters, and unique
// mainland mobile numbers. Names of the real people in the seed article are never produced.
#include <set>
#include <string>

#include "core/demo/world.h"

namespace nx::demo {

std::string person_name(Dice& dice);

// A mobile number (13x/15x/17x/18x/19x) not in `used`; added to it.
std::string unique_mobile(Dice& dice, std::set<std::string>& used);

// A district landline, "0523-8xxxxxxx".
std::string landline(Dice& dice);

}  // namespace nx::demo
