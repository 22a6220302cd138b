#include "core/sync/visibility.h"

#include <algorithm>
#include <array>

namespace nx::sync {

namespace {

constexpr std::array<std::string_view, 11> kPublicKinds = {
    "unit", "station", "provider", "event", "event_session", "campaign", "insurance_plan", "health_check_slot",
    "volunteer_team", "article", "job_post"};

// Fields of a provider that only its unit's staff, admins and the provider itself see: the
// lawyer's own mobile and the union's notes about them. The office phone stays public.
constexpr std::array<std::string_view, 2> kProviderPrivateFields = {"mobile", "notes"};

constexpr unsigned kPersonalRights = kOwner | kUnitStaff | kProvider | kAdmin;

}  // namespace

std::span<const std::string_view> public_kinds() { return kPublicKinds; }

bool is_public_kind(std::string_view kind) {
  return std::find(kPublicKinds.begin(), kPublicKinds.end(), kind) != kPublicKinds.end();
}

bool may_read(const Actor& actor, const Record& record, const UnitTree& units) {
  if (actor.role == Role::Admin) return true;
  const unsigned rights = rights_over(actor, record.fields, units);
  if (is_public_kind(record.kind)) {
    const bool draft = record.kind == "event" && record.str("status") == "draft";
    return !draft || (rights & kUnitStaff);
  }
  return (rights & kPersonalRights) != 0;
}

std::string mask_phone(std::string_view phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return std::string(phone.substr(0, 3)) + std::string(phone.size() - 7, '*') + std::string(phone.substr(phone.size() - 4));
}

Record redact_for(const Actor& actor, const Record& record, const UnitTree& units) {
  const unsigned rights = rights_over(actor, record.fields, units);
  Record out = record;
  if (record.kind == "provider") {
    const bool own = !actor.provider_id.empty() && actor.provider_id == record.id;
    if (!own && !(rights & (kUnitStaff | kAdmin)))
      for (std::string_view f : kProviderPrivateFields) {
        out.fields.erase(std::string(f));
        out.stamps.erase(std::string(f));
      }
    return out;
  }
  if (is_public_kind(record.kind)) return out;  // their phones are public service numbers
  // A person's own number, and the numbers staff need to reach their members, stay whole.
  if (rights & (kOwner | kUnitStaff | kAdmin)) return out;
  for (auto& [name, value] : out.fields.items())
    if (value.is_string() && (name == "phone" || name.ends_with("_phone"))) value = mask_phone(value.get<std::string>());
  return out;
}

}  // namespace nx::sync
