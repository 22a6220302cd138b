#pragma once
// Quarterly visit coverage 季度走访覆盖: the 主席大走访 programme visits every enterprise each
// quarter. For a unit and a quarter, which company unions under it were visited and which not.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.h"
#include "core/result.h"
#include "core/sync/record_source.h"

namespace nx::fieldwork {

struct Quarter {
  int year = 0;
  int number = 0;  // 1-4
  civil::Date first;
  civil::Date last;
};

// "2026-Q3" (also "2026-q3"); nullopt for anything else.
std::optional<Quarter> parse_quarter(std::string_view text);
// The quarter a date falls in, as "2026-Q3".
std::string quarter_of(const civil::Date& d);

struct EnterpriseVisits {
  std::string unit_id;  // the company union
  std::string name;     // its employer, else its own name
  std::size_t visits = 0;
  std::string last_visit_date;  // empty when not visited
};

struct QuarterCoverage {
  std::string quarter;
  std::vector<EnterpriseVisits> visited;      // by name (code point order; screens may re-sort)
  std::vector<EnterpriseVisits> not_visited;
};

// Company unions ("unit" records of type company_union) at or below `unit_id` (by parent_id).
// A visit counts when it is an enterprise visit or a survey dated inside the quarter and it
// names the company union by enterprise_unit_id, or, for logs typed offline without picking
// the unit, its enterprise_name equals the unit's employer or name exactly (after trimming).
// Ride-alongs follow a route, not an enterprise, and do not count.
Result<QuarterCoverage> quarter_coverage(const std::string& unit_id, std::string_view quarter, const sync::RecordSource& records);

}  // namespace nx::fieldwork
