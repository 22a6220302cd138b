// The unit tree of the demo district: 海陵区总工会, its streets and towns (街道/镇总工会), a few
// community federations (the 兜底 for workers whose company has no union), the district's
// industry unions (快递, 外卖, 网约车, 货运) and company unions under the right parents.
#include <array>
#include <string_view>

#include "core/demo/names.h"
#include "core/demo/world.h"

namespace nx::demo {

namespace {

struct UnitSpec {
  std::string_view key, name, type, parent, area, industry, employer;
};

// Area codes follow the statistical division codes: 321202 is 海陵区; towns add 3 digits,
// communities 3 more.
constexpr std::array<UnitSpec, 31> kUnits = {{
    {"district", "海陵区总工会", "district_federation", "", "321202", "", ""},
    {"town:chengdong", "城东街道总工会", "town_federation", "district", "321202001", "", ""},
    {"town:chengxi", "城西街道总工会", "town_federation", "district", "321202002", "", ""},
    {"town:chengzhong", "城中街道总工会", "town_federation", "district", "321202003", "", ""},
    {"town:chengnan", "城南街道总工会", "town_federation", "district", "321202004", "", ""},
    {"town:chengbei", "城北街道总工会", "town_federation", "district", "321202005", "", ""},
    {"town:jingtailu", "京泰路街道总工会", "town_federation", "district", "321202006", "", ""},
    {"town:hongqi", "红旗街道总工会", "town_federation", "district", "321202007", "", ""},
    {"town:jiulong", "九龙镇总工会", "town_federation", "district", "321202101", "", ""},
    {"town:gangyang", "罡杨镇总工会", "town_federation", "district", "321202102", "", ""},
    {"town:suchen", "苏陈镇总工会", "town_federation", "district", "321202103", "", ""},
    {"town:huagang", "华港镇总工会", "town_federation", "district", "321202104", "", ""},
    {"community:nanyuan", "南苑社区工会联合会", "community_federation", "town:chengnan", "321202004001", "", ""},
    {"community:dongjin", "东进社区工会联合会", "community_federation", "town:chengdong", "321202001001", "", ""},
    {"community:fengcheng", "凤城河社区工会联合会", "community_federation", "town:chengzhong", "321202003001", "", ""},
    {"community:yingchun", "迎春社区工会联合会", "community_federation", "town:chengbei", "321202005001", "", ""},
    {"community:taidong", "泰东社区工会联合会", "community_federation", "town:jingtailu", "321202006001", "", ""},
    {"industry:courier", "海陵区快递行业工会", "industry_union", "district", "321202", "courier", ""},
    {"industry:delivery", "海陵区外卖配送行业工会", "industry_union", "district", "321202", "delivery", ""},
    {"industry:ride_hailing", "海陵区网约车行业工会", "industry_union", "district", "321202", "ride_hailing", ""},
    {"industry:truck", "海陵区货运行业工会", "industry_union", "district", "321202", "truck", ""},
    {"company:meituan", "美团海陵配送站工会", "company_union", "industry:delivery", "321202003", "", "美团"},
    {"company:eleme", "饿了么海陵配送站工会", "company_union", "industry:delivery", "321202004", "", "饿了么"},
    {"company:sf", "顺丰速运海陵营业部工会", "company_union", "industry:courier", "321202001", "", "顺丰速运"},
    {"company:zto", "中通快递海陵网点工会", "company_union", "industry:courier", "321202005", "", "中通快递"},
    {"company:jd", "京东物流海陵站工会", "company_union", "industry:courier", "321202002", "", "京东物流"},
    {"company:didi", "滴滴出行泰州合作商工会", "company_union", "industry:ride_hailing", "321202", "", "滴滴出行"},
    {"company:yijie", "亿杰网约车服务有限公司工会", "company_union", "industry:ride_hailing", "321202007", "",
     "泰州市亿杰网约车服务有限公司"},
    {"company:t3", "T3出行海陵合作商工会", "company_union", "industry:ride_hailing", "321202", "", "T3出行"},
    {"company:logistics_park", "海陵物流园联合工会", "company_union", "town:jingtailu", "321202006", "", "海陵物流园"},
    {"company:zhongtai_freight", "泰州中泰货运有限公司工会", "company_union", "industry:truck", "321202101", "",
     "泰州中泰货运有限公司"},
}};

}  // namespace

void make_district(World& w) {
  const std::int64_t founded = w.at_day(-120, 9);
  for (const UnitSpec& s : kUnits) {
    DemoUnit u;
    u.id = w.dice.uuid();
    u.name = s.name;
    u.type = s.type;
    u.area = s.area;
    u.industry = s.industry;
    u.employer = s.employer;
    u.parent_id = s.parent.empty() ? "" : w.unit(std::string(s.parent)).id;
    json set = {{"name", u.name}, {"type", u.type}, {"area", u.area}};
    if (!u.parent_id.empty()) set["parent_id"] = set["unit_id"] = u.parent_id;
    if (!u.industry.empty()) set["industry"] = u.industry;
    if (!u.employer.empty()) set["employer"] = u.employer;
    // The root is an admin's to make; every other unit is made by the staff of its parent.
    const Actor& maker = u.parent_id.empty() ? w.admin : w.staff_for(u.parent_id);
    if (!w.create(maker, "unit", u.id, set, founded)) return;
    w.tree.add(u.id, u.parent_id);
    u.staff_name = person_name(w.dice);
    u.staff = Actor{w.dice.uuid(), Role::Staff, u.id, ""};
    w.unit_by_key[std::string(s.key)] = w.units.size();
    w.units.push_back(std::move(u));
  }
}

}  // namespace nx::demo
