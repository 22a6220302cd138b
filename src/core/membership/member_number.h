#pragma once
// Member numbers (会员号), printed on the digital membership card.
//
// Why no running sequence ("NX-<unit>-0001"): applications are approved on many devices,
// often offline, and the server must give the same answer whatever order ops arrive in. A
// counter would need one place to hand out numbers and would differ between a phone's preview
// and the server. So the number is derived from what is already unique — the application's
// id — plus the approval date for readability:
//     NX-20260701-7K3M9-QXD2F
// The last ten characters are 50 bits of a 64-bit FNV-1a hash of the application id, in
// Crockford base 32 (digits and capitals without I, L, O, U: nothing to misread when typed
// from a card). Two applications approved on one day clash with odds of about n^2/2^51 (for
// 10 000 a day, 1 in 45 million); issue_member_number then takes the next variant, so a
// number is never issued twice among the records it can see.
#include <string>
#include <string_view>

#include "core/civil_time.h"
#include "core/sync/record_source.h"

namespace nx::membership {

// The `attempt`-th candidate number for an application approved on `approved_on`.
std::string member_number(std::string_view application_id, const civil::Date& approved_on, unsigned attempt = 0);

// "NX-YYYYMMDD-XXXXX-XXXXX" with a valid date and Crockford digits.
bool is_member_number(std::string_view s);

// The first candidate no member or application in `records` holds yet (`records` may be null:
// then the first candidate).
std::string issue_member_number(std::string_view application_id, const civil::Date& approved_on,
                                const sync::RecordSource* records);

}  // namespace nx::membership
