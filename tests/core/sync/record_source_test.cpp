// MemoryRecords' revision: it moves on with every change and no two stores share one, so what
// a screen computed from the records can be kept exactly until they change.
#include "core/sync/record_source.h"

#include <doctest/doctest.h>

using namespace nx::sync;

TEST_CASE("the revision moves on with every change, and differs between stores") {
  MemoryRecords a;
  const auto empty = a.revision();
  Record r;
  r.kind = "station";
  r.id = "s1";
  a.put(r);
  const auto after_put = a.revision();
  CHECK(after_put != empty);
  CHECK(a.revision() == after_put);  // reading changes nothing
  (void)a.all("station");
  (void)a.find("station", "name", "x");
  CHECK(a.revision() == after_put);
  a.get_mut("station", "s1");
  CHECK(a.revision() != after_put);
  const auto before_erase = a.revision();
  a.erase("station", "s1");
  CHECK(a.revision() != before_erase);

  MemoryRecords b;
  b.put(r);
  CHECK(b.revision() != a.revision());
  MemoryRecords c(b);
  CHECK(c.revision() != b.revision());
}
