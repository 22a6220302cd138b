#pragma once
// Pieces the service kinds (stations, providers, requests, insurance, health checks) share:
// a decode result that keeps every field error, refusing fields a kind or a step does not
// take, ids, today's date in China, and the errors of rules that read other records.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "core/errors.h"
#include "core/json_in.h"
#include "core/kinds/kind_support.h"
#include "core/sync/record_source.h"

namespace nx::services {

// A typed view of a record's fields and every problem found on the way; `value` is only
// meaningful when `errors` is empty. A kind's validate() is its decoder's errors.
using kinds::Decoded;
using kinds::field_str;
using kinds::not_found;
using kinds::only_params;
using kinds::records_unavailable;
using kinds::refuse_unknown_fields;



// Every id in these kinds (records, units, users) is a UUID; one place to change if the
// server's accounts ever use another shape.
std::optional<std::string> read_id(json_in::Reader& r, const std::string& field, bool required);

// The calendar day in China at `now_ms` (deadlines and validity are China dates).
civil::Date china_today(std::int64_t now_ms);


// The live (not deleted) record of `kind` with `id`, or null.
const sync::Record* live_record(const sync::RecordSource& records, const std::string& kind, const std::string& id);

// A copied access field (owner_id, unit_id) differs from the record it hangs off.
Error mismatch(const std::string& field, Msg what);

}  // namespace nx::services
