#pragma once
// Many records in one compact binary value: how a phone stores a pulled page or a compaction
// step (an IndexedDB block, app/local_store.h). Every string (kinds, ids, field names, values,
// devices) is written once in a table at the front and named by its index after that; numbers
// are variable-length; a record's stamps are written once each, as its fields share them.
// Reading a block builds the records directly: no JSON text to parse, no stamp text to read,
// which were most of the time a district's store took to open (issue 18).
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/sync/record.h"

namespace nx::sync {

std::string encode_block(const std::vector<Record>& records);

// Appends the block's records to `out` in the order they were written. Bytes that are not a
// whole block of this form are refused, and nothing is appended then.
Status decode_block(std::string_view bytes, std::vector<Record>& out);

// Whether `bytes` start as a block of this form does (anything else is not one).
bool is_block(std::string_view bytes);

}  // namespace nx::sync
