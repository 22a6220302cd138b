#include "core/membership/duplicates.h"

#include <doctest/doctest.h>

#include "world.h"

using namespace nx;
using namespace nx::membership;
using namespace nx::test_membership;

namespace {

const char* kApp = "membership_application";

// Puts records straight into the store: this is a query over whatever is stored.
void put(World& w, const std::string& kind, const std::string& id, json fields) {
  sync::Record r;
  r.kind = kind;
  r.id = id;
  r.fields = std::move(fields);
  w.records.put(r);
}

}  // namespace

TEST_SUITE("membership") {

TEST_CASE("duplicates: the same mobile number, however it is typed") {
  World w;
  put(w, "member", rid(1), with(person("张三", "13800138000"), {{"status", "active"}, {"unit_id", kC1}, {"member_no", "NX-20260701-7K3M9-QXD2F"}}));
  auto m = find_duplicates(DuplicateCandidate{"+86 138-0013-8000", "王五", "饿了么", ""}, w.records);
  REQUIRE(m.size() == 1);
  CHECK(m[0].kind == "member");
  CHECK(m[0].id == rid(1));
  CHECK(m[0].same_phone);
  CHECK_FALSE(m[0].same_name_employer);
  CHECK(m[0].masked_phone == "138****8000");
  CHECK(m[0].member_no == "NX-20260701-7K3M9-QXD2F");
  CHECK(m[0].unit_id == kC1);
  CHECK(std::string(message_text(m[0].reason, Locale::ZhCN)) == "手机号与已有会员相同");
  CHECK(std::string(message_text(m[0].reason, Locale::En)) == "Same mobile number as an existing member");
  CHECK(find_duplicates(DuplicateCandidate{"13800138001", "王五", "饿了么", ""}, w.records).empty());
}

TEST_CASE("duplicates: the same name AND employer, folded; a name alone is no match") {
  World w;
  put(w, kApp, rid(1), with(person("阿卜杜·热合曼", "13800138000", "delivery", "美团有限公司"), {{"status", "submitted"}}));
  auto m = find_duplicates(DuplicateCandidate{"13900139000", "阿卜杜・热合曼", " 美团 ", ""}, w.records);
  REQUIRE(m.size() == 1);
  CHECK(m[0].kind == kApp);
  CHECK(m[0].same_name_employer);
  CHECK_FALSE(m[0].same_phone);
  CHECK(std::string(message_text(m[0].reason, Locale::ZhCN)) == "姓名和单位与另一份入会申请相同");
  // Namesakes at other employers, or with no employer, are different people.
  CHECK(find_duplicates(DuplicateCandidate{"13900139000", "阿卜杜·热合曼", "饿了么", ""}, w.records).empty());
  CHECK(find_duplicates(DuplicateCandidate{"13900139000", "阿卜杜·热合曼", "", ""}, w.records).empty());
  // Both at once: one match, both reasons.
  auto both = find_duplicates(DuplicateCandidate{"13800138000", "阿卜杜·热合曼", "美团", ""}, w.records);
  REQUIRE(both.size() == 1);
  CHECK(both[0].same_phone);
  CHECK(both[0].same_name_employer);
  CHECK(std::string(message_text(both[0].reason, Locale::En)) == "Same mobile number, name and employer as another application");
}

TEST_CASE("duplicates: withdrawn and rejected applications, deleted records and the record itself do not count") {
  World w;
  put(w, kApp, rid(1), with(person(), {{"status", "withdrawn"}}));
  put(w, kApp, rid(2), with(person(), {{"status", "rejected"}}));
  put(w, kApp, rid(3), with(person(), {{"status", "draft"}}));
  put(w, "member", rid(4), with(person(), {{"status", "lapsed"}}));
  put(w, "member", rid(5), with(person(), {{"status", "transferred_out"}}));
  sync::Record gone;
  gone.kind = "member";
  gone.id = rid(6);
  gone.fields = with(person(), {{"status", "active"}});
  gone.deleted = true;
  w.records.put(gone);

  auto m = find_duplicates(DuplicateCandidate{"13800138000", "张三", "美团", rid(3)}, w.records);
  REQUIRE(m.size() == 2);
  // Members first.
  CHECK(m[0].id == rid(4));
  CHECK(m[0].status == "lapsed");
  CHECK(m[1].id == rid(5));
  auto with_draft = find_duplicates(DuplicateCandidate{"13800138000", "", "", ""}, w.records);
  REQUIRE(with_draft.size() == 3);
  CHECK(with_draft[2].id == rid(3));
  // Nothing to match on: nothing matches.
  CHECK(find_duplicates(DuplicateCandidate{"", "", "", ""}, w.records).empty());
  CHECK(find_duplicates(DuplicateCandidate{"not a phone", "", "", ""}, w.records).empty());
}

}
