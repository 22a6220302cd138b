#include "core/kinds/registry.h"

#include <stdexcept>

namespace nx::kinds {

// Each area registers its kinds in its own file.
void register_membership_kinds(Registry& r);  // kinds/membership.cpp
void register_service_kinds(Registry& r);     // kinds/services.cpp
void register_event_kinds(Registry& r);       // kinds/events.cpp
void register_content_kinds(Registry& r);     // kinds/content.cpp

void Registry::add(KindSpec spec) {
  std::string name = spec.name;
  if (specs_.count(name)) throw std::logic_error("the record kind " + name + " is registered twice");
  specs_.emplace(std::move(name), std::move(spec));
}

const KindSpec* Registry::find(const std::string& kind) const {
  auto it = specs_.find(kind);
  return it == specs_.end() ? nullptr : &it->second;
}

std::vector<std::string> Registry::kinds() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : specs_) out.push_back(name);
  return out;
}

std::vector<std::string> Registry::public_kinds() const {
  std::vector<std::string> out;
  for (const auto& [name, spec] : specs_)
    if (spec.is_public) out.push_back(name);
  return out;
}

const Registry& registry() {
  static const Registry instance = [] {
    Registry r;
    register_membership_kinds(r);
    register_service_kinds(r);
    register_event_kinds(r);
    register_content_kinds(r);
    return r;
  }();
  return instance;
}

}  // namespace nx::kinds
