#pragma once
// Who may read which records, and how much of them: the rule the server's pull applies to
// every record it sends. The union's public face (units, stations, providers, events, ...) is
// readable by anyone signed in; everything else by the worker it belongs to, the provider
// assigned to it, staff of its unit or a unit above, and admins. Phone numbers of other
// people are masked, and a provider's private contact is left out, for those who don't need them.
// Each kind declares which it is, and its private fields (kinds/registry.h: KindSpec).
#include <string>
#include <string_view>

#include "core/access.h"
#include "core/sync/record.h"

namespace nx::sync {

bool may_read(const Actor& actor, const Record& record, const UnitTree& units);

// The record as `actor` may see it (call only when may_read): "13812345678" -> "138****5678"
// in other people's person records, a provider's mobile and notes dropped for outsiders.
Record redact_for(const Actor& actor, const Record& record, const UnitTree& units);

std::string mask_phone(std::string_view phone);

}  // namespace nx::sync
