#include "app/export.h"

#include <doctest/doctest.h>

using namespace nx;
using namespace nx::app;
using nlohmann::json;

namespace {
sync::Record record(const std::string& kind, const std::string& id, json fields) {
  sync::Record r;
  r.kind = kind;
  r.id = id;
  r.fields = std::move(fields);
  return r;
}
}  // namespace

TEST_CASE("a CSV cell is quoted when it must be, and never runs as a spreadsheet formula") {
  CHECK(csv_cell("张三") == "张三");
  CHECK(csv_cell("美团, 海陵") == "\"美团, 海陵\"");
  CHECK(csv_cell("他说\"好\"") == "\"他说\"\"好\"\"\"");
  CHECK(csv_cell("两行\n文字") == "\"两行\n文字\"");
  CHECK(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_cell("+8613812345678") == "'+8613812345678");
  CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
}

TEST_CASE("the members CSV: a header, one row per live member, the union's name, a BOM for spreadsheets") {
  sync::MemoryRecords records;
  records.put(record("unit", "u1", {{"name", "美团海陵配送站工会"}}));
  records.put(record("member", "m1", {{"name", "李四"}, {"phone", "13812345678"}, {"trade", "delivery"}, {"employer", "美团"},
                                      {"unit_id", "u1"}, {"member_no", "HL2026000001"}, {"status", "active"}, {"joined_on", "2026-03-01"}}));
  sync::Record gone = record("member", "m2", {{"name", "王五"}, {"unit_id", "u1"}});
  gone.deleted = true;
  records.put(gone);
  const std::string csv = members_csv(records, Locale::ZhCN);
  CHECK(csv.rfind("\xEF\xBB\xBF姓名,手机号,", 0) == 0);
  CHECK(csv.find("李四,13812345678,delivery,美团,美团海陵配送站工会,HL2026000001,active,2026-03-01\r\n") != std::string::npos);
  CHECK(csv.find("王五") == std::string::npos);
}

TEST_CASE("the JSON export holds the person's own records and unsynced changes, not the union's public data") {
  Actor me{"0d0d0d0d-0000-4000-8000-000000000001", Role::Worker, "", ""};
  LocalStore store(StoreMeta{1, "phone-1", {}, 0, 1, ""}, me);
  store.load({record("station", "s1", {{"name", "南苑驿站"}}),
              record("service_request", "r1", {{"owner_id", me.user_id}, {"description", "欠薪"}}),
              record("service_request", "r2", {{"owner_id", "someone-else"}, {"description", "别人的"}})},
             {});
  const json j = export_json(store, "任志磊", "2026-11-29T22:00:00Z");
  CHECK(j["user"] == "任志磊");
  REQUIRE(j["records"].size() == 1);
  CHECK(j["records"][0]["id"] == "r1");
  CHECK(j["unsynced_changes"].empty());
}
