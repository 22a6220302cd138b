#pragma once
// How a person names where they are: "城南街道", not the union's name "城南街道总工会".
#include <string>
#include <string_view>

namespace nx::app {

inline std::string place_name(std::string_view unit_name) {
  for (std::string_view suffix : {"总工会", "工会联合会", "工会"})
    if (unit_name.size() > suffix.size() && unit_name.substr(unit_name.size() - suffix.size()) == suffix)
      return std::string(unit_name.substr(0, unit_name.size() - suffix.size()));
  return std::string(unit_name);
}

}  // namespace nx::app
