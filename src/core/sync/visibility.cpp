#include "core/sync/visibility.h"

#include "core/kinds/registry.h"

namespace nx::sync {

namespace {

constexpr unsigned kPersonalRights = kOwner | kUnitStaff | kProvider | kAdmin;

// A kind the registry does not know (a newer app's) is read like a person's record.
const kinds::KindSpec& spec_of(const std::string& kind) {
  static const kinds::KindSpec unknown;
  const kinds::KindSpec* spec = kinds::registry().find(kind);
  return spec ? *spec : unknown;
}

}  // namespace

bool may_read(const Actor& actor, const Record& record, const UnitTree& units) {
  if (actor.role == Role::Admin) return true;
  const unsigned rights = rights_over(actor, record.fields, units);
  const kinds::KindSpec& spec = spec_of(record.kind);
  if (spec.is_public) {
    const bool out = !spec.unpublished || !spec.unpublished(record);
    return out || (rights & kUnitStaff);
  }
  return (rights & kPersonalRights) != 0;
}

std::string mask_phone(std::string_view phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return std::string(phone.substr(0, 3)) + std::string(phone.size() - 7, '*') + std::string(phone.substr(phone.size() - 4));
}

Record redact_for(const Actor& actor, const Record& record, const UnitTree& units) {
  const unsigned rights = rights_over(actor, record.fields, units);
  const kinds::KindSpec& spec = spec_of(record.kind);
  Record out = record;
  const bool about_them = !actor.provider_id.empty() && actor.provider_id == record.id;  // a provider's own record
  if (!about_them && !(rights & (kUnitStaff | kAdmin)))
    for (const std::string& f : spec.private_fields) {
      out.fields.erase(f);
      out.stamps.erase(f);
    }
  if (spec.is_public) return out;  // their phones are public service numbers
  // A person's own number, and the numbers staff need to reach their members, stay whole.
  if (rights & (kOwner | kUnitStaff | kAdmin)) return out;
  for (auto& [name, value] : out.fields.items())
    if (value.is_string() && (name == "phone" || name.ends_with("_phone"))) value = mask_phone(value.get<std::string>());
  return out;
}

}  // namespace nx::sync
