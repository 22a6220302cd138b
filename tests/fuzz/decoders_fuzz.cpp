// libFuzzer target over everything that reads untrusted input in the core: the parser with
// limits, the op decoder, the stored-record decoder, the block decoder (what a block decodes to
// must encode and decode to the same), every kind's validator, and apply_op on whatever decodes
// (as a worker, staff and admin). It must never crash, leak or hit UB.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/json_in.h"
#include "core/kinds/registry.h"
#include "core/sync/apply.h"
#include "core/sync/op.h"
#include "core/sync/record.h"
#include "core/sync/record_block.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nx;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (std::vector<sync::Record> block; sync::decode_block(text, block)) {
    std::vector<sync::Record> again;
    if (!sync::decode_block(sync::encode_block(block), again) || again != block) __builtin_trap();
  }
  auto parsed = json_in::parse(text);
  if (!parsed) return 0;
  const nlohmann::json& j = parsed.value();

  (void)sync::Record::from_json(j);
  const kinds::Registry& registry = kinds::registry();
  if (j.is_object()) {
    for (const std::string& kind : registry.kinds())
      if (const kinds::KindSpec* spec = registry.find(kind); spec && spec->validate) (void)spec->validate(j);
  }

  auto op = sync::decode_op(j);
  if (!op) return 0;
  UnitTree units;
  units.add("d", "");
  units.add("t1", "d");
  sync::MemoryRecords records;
  const Actor actors[] = {{"w1", Role::Worker, "", ""}, {"s1", Role::Staff, "t1", "p1"}, {"a", Role::Admin, "", ""}};
  for (const Actor& actor : actors) {
    const sync::ApplyContext ctx{registry, actor, units, &records, 1'764'400'000'000};
    auto created = sync::apply_op(nullptr, op.value(), ctx);
    if (created.status != sync::ApplyStatus::Rejected) {
      records.put(created.record);
      (void)sync::apply_op(&created.record, op.value(), ctx);  // the same op again
    }
  }
  return 0;
}
