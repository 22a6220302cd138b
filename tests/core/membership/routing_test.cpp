#include "core/membership/routing.h"

#include <doctest/doctest.h>

#include "world.h"

using namespace nx;
using namespace nx::membership;
using namespace nx::test_membership;

namespace {

// The unit id routing chooses, or "error:<code>".
std::string route(World& w, const std::string& employer, std::optional<Trade> trade, const std::string& area) {
  auto r = route_member(RouteQuery{employer, trade, area}, w.records);
  if (!r) return "error:" + r.error().code;
  return r.value().unit_id;
}

}  // namespace

TEST_SUITE("membership") {

TEST_CASE("routing: the company union of the worker's employer comes first") {
  World w;
  CHECK(route(w, "顺丰速运", Trade::Courier, kAreaC1) == kSF);
  CHECK(route(w, " 顺丰速运 有限公司 ", Trade::Courier, kAreaC1) == kSF);
  CHECK(route(w, "顺丰速运股份有限公司", Trade::Delivery, kAreaC1) == kSF);
  // Living in another town of the same district does not change the employer's union.
  CHECK(route(w, "顺丰速运", Trade::Courier, kAreaC2) == kSF);
  // Another company is not this one: on to the industry union.
  CHECK(route(w, "顺丰速运（南京）有限公司", Trade::Courier, kAreaC1) == kIC);
  CHECK(route(w, "顺丰", Trade::Courier, kAreaC1) == kIC);

  auto r = route_member(RouteQuery{"顺丰速运", Trade::Courier, kAreaC1}, w.records);
  REQUIRE(r);
  CHECK(r.value().reason == "company_union");
  CHECK(r.value().unit_name == "顺丰速运海陵分部工会");
  CHECK(r.value().why.text(Locale::ZhCN).find("顺丰速运海陵分部工会") != std::string::npos);
  CHECK(r.value().why.text(Locale::ZhCN).find("顺丰速运有限公司") != std::string::npos);
  CHECK(r.value().why.text(Locale::En).find("顺丰速运海陵分部工会") != std::string::npos);
}

TEST_CASE("routing: a company union in another district is not the worker's") {
  World w;
  const std::string d2 = rid(1), t3 = rid(2), sf2 = rid(3);
  w.unit(d2, "高港区总工会", "district_federation", "", "321203");
  w.unit(t3, "口岸街道总工会", "town_federation", d2, "321203001");
  w.unit(sf2, "顺丰速运高港分部工会", "company_union", t3, "321203001", {{"employer", "顺丰速运有限公司"}});
  CHECK(route(w, "顺丰速运", Trade::Courier, kAreaC1) == kSF);
  CHECK(route(w, "顺丰速运", Trade::Courier, "321203001") == sf2);
  // Two company unions of one employer in a district: the one nearest the worker's area.
  const std::string sf_t2 = rid(4);
  w.unit(sf_t2, "顺丰速运城西工会", "company_union", kC2, kAreaC2, {{"employer", "顺丰速运"}});
  CHECK(route(w, "顺丰速运", Trade::Courier, kAreaC2) == sf_t2);
  CHECK(route(w, "顺丰速运", Trade::Courier, kAreaC1) == kSF);
  // An area nobody knows: any union of the employer, in a stable order.
  CHECK(route(w, "顺丰速运", Trade::Courier, "000") == route(w, "顺丰速运", Trade::Courier, "000"));
  CHECK(route(w, "顺丰速运", Trade::Courier, "000").rfind("error", 0) != 0);
  // Without a union of its own in the worker's district, the employer's union elsewhere does
  // not take them: their trade's or their area's does.
  REQUIRE(applied(w.remove(w.admin, "unit", kSF)));
  REQUIRE(applied(w.remove(w.admin, "unit", sf_t2)));
  CHECK(route(w, "顺丰速运", Trade::Courier, kAreaC1) == kIC);
  CHECK(route(w, "顺丰速运", Trade::Truck, kAreaC1) == kC1);
  CHECK(route(w, "顺丰速运", Trade::Truck, "321203001") == sf2);
}

TEST_CASE("routing: else the industry union of the trade, nearest to the area first") {
  World w;
  // Delivery has only a district-level union.
  CHECK(route(w, "美团", Trade::Delivery, kAreaC1) == kID);
  CHECK(route(w, "", Trade::Delivery, kAreaC2) == kID);
  CHECK(route(w, "美团", Trade::Delivery, kAreaT2) == kID);
  // Courier: the town's union covers its communities, not the other town's.
  CHECK(route(w, "中通快递", Trade::Courier, kAreaC1) == kIC);
  CHECK(route(w, "中通快递", Trade::Courier, kAreaT1) == kIC);
  CHECK(route(w, "中通快递", Trade::Courier, kAreaC2) == kC2);
  // A district-level courier union then covers C2, while T1's own stays nearer for C1.
  const std::string ic_d = rid(1);
  w.unit(ic_d, "海陵区快递行业工会", "industry_union", kD, kAreaD, {{"industry", "courier"}});
  CHECK(route(w, "中通快递", Trade::Courier, kAreaC2) == ic_d);
  CHECK(route(w, "中通快递", Trade::Courier, kAreaC1) == kIC);
  // One for the very area beats the town's.
  const std::string ic_c1 = rid(2);
  w.unit(ic_c1, "东风社区快递小哥工会", "industry_union", kT1, kAreaC1, {{"industry", "courier"}});
  CHECK(route(w, "中通快递", Trade::Courier, kAreaC1) == ic_c1);

  auto r = route_member(RouteQuery{"美团", Trade::Delivery, kAreaC1}, w.records);
  REQUIRE(r);
  CHECK(r.value().reason == "industry_union");
  CHECK(r.value().why.text(Locale::ZhCN).find("海陵区外卖骑手行业工会") != std::string::npos);
  CHECK(r.value().why.text(Locale::ZhCN).find("外卖骑手") != std::string::npos);
  CHECK(r.value().why.text(Locale::En).find("海陵区外卖骑手行业工会") != std::string::npos);
}

TEST_CASE("routing: else the federation of the worker's community or town (兜底)") {
  World w;
  CHECK(route(w, "货拉拉", Trade::Truck, kAreaC1) == kC1);
  CHECK(route(w, "货拉拉", Trade::Truck, kAreaT1) == kT1);
  CHECK(route(w, "", Trade::Other, kAreaC2) == kC2);
  CHECK(route(w, "", std::nullopt, kAreaT2) == kT2);
  // "other" is no trade an industry union serves, even if one claims it.
  auto r = route_member(RouteQuery{"", Trade::Livestream, kAreaC2}, w.records);
  REQUIRE(r);
  CHECK(r.value().reason == "area_federation");
  CHECK(r.value().unit_id == kC2);
  CHECK(r.value().why.text(Locale::ZhCN).find("西园社区工会联合会") != std::string::npos);
  CHECK(r.value().why.text(Locale::En).find("西园社区工会联合会") != std::string::npos);
}

TEST_CASE("routing: nothing covers the worker -> an error naming the area") {
  World w;
  auto r = route_member(RouteQuery{"货拉拉", Trade::Truck, "999999"}, w.records);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "route_none");
  CHECK(r.error().field == "area");
  CHECK_FALSE(r.error().message_zh.empty());
  CHECK_FALSE(r.error().message_en.empty());
  // The district itself is no fallback: a worker picks their town or community.
  CHECK(route(w, "货拉拉", Trade::Truck, kAreaD) == "error:route_none");
  CHECK(route(w, "", std::nullopt, "") == "error:route_none");
  // But a district-level industry union does serve a worker who names the district.
  CHECK(route(w, "", Trade::Delivery, kAreaD) == kID);
  // An unknown area still finds an industry union for exactly that area.
  const std::string iu = rid(1);
  w.unit(iu, "开发区货运行业工会", "industry_union", kD, "888", {{"industry", "truck"}});
  CHECK(route(w, "", Trade::Truck, "888") == iu);
}

TEST_CASE("routing: deleted units are not chosen") {
  World w;
  REQUIRE(applied(w.remove(w.admin, "unit", kSF)));
  CHECK(route(w, "顺丰速运", Trade::Courier, kAreaC1) == kIC);
  REQUIRE(applied(w.remove(w.admin, "unit", kIC)));
  CHECK(route(w, "顺丰速运", Trade::Courier, kAreaC1) == kC1);
  REQUIRE(applied(w.remove(w.admin, "unit", kC1)));
  CHECK(route(w, "顺丰速运", Trade::Courier, kAreaC1) == "error:route_none");
}

}
