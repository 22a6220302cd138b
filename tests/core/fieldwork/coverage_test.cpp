#include "core/fieldwork/coverage.h"

#include <doctest/doctest.h>

#include "../events/event_world.h"

using namespace nx;
using namespace nx::fieldwork;
using namespace nx::evtest;

TEST_SUITE("fieldwork/coverage") {
  TEST_CASE("quarters parse to their first and last days") {
    const auto q3 = parse_quarter("2026-Q3");
    REQUIRE(q3);
    CHECK(q3->first == civil::Date{2026, 7, 1});
    CHECK(q3->last == civil::Date{2026, 9, 30});
    CHECK(parse_quarter("2028-q1")->last == civil::Date{2028, 3, 31});
    CHECK(parse_quarter("2026-Q4")->last == civil::Date{2026, 12, 31});
    for (const char* bad : {"2026-Q5", "2026-Q0", "2026Q3", "26-Q3", "2026-Q3 ", "", "abcd-Q1", "0000-Q1"})
      CHECK_MESSAGE(!parse_quarter(bad), bad);
    CHECK(quarter_of(civil::Date{2026, 9, 30}) == "2026-Q3");
    CHECK(quarter_of(civil::Date{2026, 10, 1}) == "2026-Q4");
  }

  TEST_CASE("which company unions under a unit were visited this quarter, and which not") {
    World w;
    const std::string c2 = uid(5), c3 = uid(6), c4 = uid(7);
    w.add_unit(c2, kTown1, "美团骑手站工会", "company_union", "美团城西站");
    w.add_unit(c3, kCompany1, "顺达分拣中心工会", "company_union", "");  // a company union below a company union
    w.add_unit(c4, kTown2, "城东物流工会", "company_union", "城东物流公司");
    w.add_unit(uid(8), kTown1, "快递行业工会", "industry_union", "");
    auto visit = [&](int n, const char* type, const char* date, const std::string& enterprise_unit, const char* name) {
      json v = {{"unit_id", kTown1}, {"type", type}, {"date", date}, {"visitors", {"s1"}}};
      if (!enterprise_unit.empty()) v["enterprise_unit_id"] = enterprise_unit;
      if (*name) v["enterprise_name"] = name;
      if (std::string(type) == "ride_along") v["route"] = "城西线";
      REQUIRE(applied(w.create(w.staff, "visit", uid(700 + n), v)));
    };
    visit(1, "enterprise_visit", "2026-07-08", kCompany1, "顺达");
    visit(2, "survey", "2026-09-30", kCompany1, "顺达");
    visit(3, "enterprise_visit", "2026-06-30", c2, "美团");       // last quarter
    visit(4, "ride_along", "2026-08-01", "", "美团城西站");       // a ride-along does not count
    visit(5, "enterprise_visit", "2026-08-02", "", " 顺达分拣中心工会 ");  // typed offline: by the unit's name
    visit(6, "enterprise_visit", "2026-08-03", "", "美团");       // not an exact name

    const auto cov = quarter_coverage(kTown1, "2026-Q3", w.store);
    REQUIRE(cov.ok());
    CHECK(cov.value().quarter == "2026-Q3");
    REQUIRE(cov.value().visited.size() == 2);
    // Sorted by name in code point order: 顺达分(U+5206) before 顺达快(U+5FEB).
    CHECK(cov.value().visited[0].unit_id == c3);
    CHECK(cov.value().visited[0].name == "顺达分拣中心工会");  // no employer: its own name
    CHECK(cov.value().visited[0].visits == 1);
    CHECK(cov.value().visited[1].unit_id == kCompany1);
    CHECK(cov.value().visited[1].name == "顺达快递有限公司");
    CHECK(cov.value().visited[1].visits == 2);
    CHECK(cov.value().visited[1].last_visit_date == "2026-09-30");
    REQUIRE(cov.value().not_visited.size() == 1);
    CHECK(cov.value().not_visited[0].unit_id == c2);
    CHECK(cov.value().not_visited[0].name == "美团城西站");
    CHECK(cov.value().not_visited[0].last_visit_date.empty());

    const auto district = quarter_coverage(kDistrict, "2026-q3", w.store);
    REQUIRE(district.ok());
    CHECK(district.value().visited.size() == 2);
    CHECK(district.value().not_visited.size() == 2);  // C2 and the T2 company
    const auto q2 = quarter_coverage(kTown1, "2026-Q2", w.store);
    REQUIRE(q2.ok());
    REQUIRE(q2.value().visited.size() == 1);
    CHECK(q2.value().visited[0].unit_id == c2);
    // Deleted visits do not count.
    w.remove(w.admin, "visit", uid(703));
    CHECK(quarter_coverage(kTown1, "2026-Q2", w.store).value().visited.empty());

    const auto bad = quarter_coverage(kTown1, "2026-3", w.store);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "quarter_invalid");
    CHECK(bad.error().field == "quarter");
  }
}
