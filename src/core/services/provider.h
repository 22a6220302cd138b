#pragma once
// Providers who take on service requests (社会组织"配单"): panel lawyers (律师顾问团), social
// organisations and partner companies. Workers see only the public side of a provider; a
// lawyer's personal mobile and the staff's notes stay with staff (PIPL: the minimum).
// Record kind "provider"; fields:
//   public:  name, type (lawyer | social_org | company), services, office_hours, phone
//            (office: mobile or landline), unit_id, active (false: takes no new requests)
//   private: mobile (personal), notes
#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/kinds/registry.h"
#include "core/services/kind_support.h"

namespace nx::services {

inline constexpr std::array<std::string_view, 3> kProviderTypes{"lawyer", "social_org", "company"};
inline constexpr std::array<std::string_view, 6> kProviderServices{"legal_consultation", "legal_aid", "health",
                                                                   "insurance",          "training",  "other"};
inline constexpr std::array<std::string_view, 7> kProviderPublicFields{"name", "type",    "services", "office_hours",
                                                                       "phone", "unit_id", "active"};

Errors validate_provider(const nlohmann::json& fields);

// The fields a worker may see (kProviderPublicFields), nothing else.
nlohmann::json provider_public_view(const nlohmann::json& fields);

// Whether the provider takes new requests (`active` absent counts as yes) for `service`.
bool provider_offers(const nlohmann::json& fields, std::string_view service);

kinds::KindSpec provider_kind();

}  // namespace nx::services
