#include "core/fieldwork/coverage.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "core/errors.h"
#include "core/events/rule_support.h"
#include "core/fieldwork/visit.h"
#include "core/text.h"

namespace nx::fieldwork {

std::optional<Quarter> parse_quarter(std::string_view s) {
  if (s.size() != 7 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q') || s[6] < '1' || s[6] > '4') return std::nullopt;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    year = year * 10 + (s[i] - '0');
  }
  Quarter q;
  q.year = year;
  q.number = s[6] - '0';
  q.first = civil::Date{year, q.number * 3 - 2, 1};
  q.last = civil::Date{year, q.number * 3, civil::days_in_month(year, q.number * 3)};
  if (!civil::is_valid(q.first)) return std::nullopt;
  return q;
}

std::string quarter_of(const civil::Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, (d.month - 1) / 3 + 1);
  return buf;
}

Result<QuarterCoverage> quarter_coverage(const std::string& unit_id, std::string_view quarter, const sync::RecordSource& records) {
  const auto q = parse_quarter(quarter);
  if (!q)
    return catalog_error("quarter_invalid", "quarter", Msg::ErrAQuarterLooksLike2026Q3);
  const std::string first = civil::format_date(q->first);
  const std::string last = civil::format_date(q->last);

  struct Company {
    EnterpriseVisits row;
    std::string employer;
    std::string name;
  };
  std::vector<Company> companies;
  for (const sync::Record* u : records.all(kUnitKind)) {
    if (u->str("type") != kCompanyUnionType || !events::unit_within(records, u->id, unit_id)) continue;
    Company c{{u->id, "", 0, ""}, text::trim(u->str("employer")), text::trim(u->str("name"))};
    c.row.name = c.employer.empty() ? c.name : c.employer;
    companies.push_back(std::move(c));
  }

  for (const sync::Record* v : records.all(kVisitKind)) {
    const std::string type = v->str("type");
    const std::string date = v->str("date");
    if ((type != "enterprise_visit" && type != "survey") || date < first || date > last) continue;
    const std::string enterprise = v->str("enterprise_unit_id");
    const std::string typed = text::trim(v->str("enterprise_name"));
    for (Company& c : companies) {
      const bool by_id = !enterprise.empty() && enterprise == c.row.unit_id;
      const bool by_name = enterprise.empty() && !typed.empty() && (typed == c.employer || typed == c.name);
      if (!by_id && !by_name) continue;
      ++c.row.visits;
      c.row.last_visit_date = std::max(c.row.last_visit_date, date);
    }
  }

  QuarterCoverage out;
  out.quarter = quarter_of(q->first);
  for (Company& c : companies) (c.row.visits ? out.visited : out.not_visited).push_back(std::move(c.row));
  auto by_name = [](const EnterpriseVisits& a, const EnterpriseVisits& b) {
    return std::tie(a.name, a.unit_id) < std::tie(b.name, b.unit_id);
  };
  std::sort(out.visited.begin(), out.visited.end(), by_name);
  std::sort(out.not_visited.begin(), out.not_visited.end(), by_name);
  return out;
}

}  // namespace nx::fieldwork
