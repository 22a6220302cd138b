#include "core/services/request_message.h"

#include <doctest/doctest.h>

#include "services_world.h"

using namespace nx;
using namespace nx::services;
using namespace nx::svc_test;

namespace {

const std::string kRequest = uuid(601);

World matched_request(const std::string& state = "matched") {
  World w;
  w.must(w.set(person("admin"), "provider", kProvider1,
               {{"name", "李律师"}, {"type", "lawyer"}, {"services", {"legal_consultation"}}, {"unit_id", kDistrict}}));
  w.must(w.set(person("owner"), "service_request", kRequest,
               {{"category", "legal_consultation"},
                {"topic", "work_injury"},
                {"description", "送餐途中摔伤，平台说不算工伤"},
                {"owner_id", kOwnerUser},
                {"unit_id", kTown1}}));
  if (state == "cancelled") {
    w.must(w.step(person("owner"), "service_request", kRequest, "cancel"));
    return w;
  }
  if (state == "ordered") return w;
  w.must(w.step(person("unit_staff"), "service_request", kRequest, "match",
                {{"provider_id", kProvider1}, {"due_date", "2026-07-08"}}));
  return w;
}

// A message as the client writes it: copies of the request's access fields, the author, text.
json message(const Actor& author, const std::string& role, const std::string& text, const std::string& at = "2026-07-06T10:05:00+08:00") {
  return {{"request_id", kRequest}, {"owner_id", kOwnerUser}, {"unit_id", kTown1}, {"provider_id", kProvider1},
          {"author_id", author.user_id}, {"author_role", role}, {"at", at}, {"text", text}};
}

std::string role_of(const std::string& person_name) {
  if (person_name == "owner") return "worker";
  if (person_name == "provider" || person_name == "other_provider") return "provider";
  return person_name.find("staff") != std::string::npos || person_name == "admin" ? "staff" : "worker";
}

}  // namespace

TEST_SUITE("services/request_message") {

TEST_CASE("the worker, the assigned provider and staff over the unit write in the thread") {
  int n = 0;
  check_who(matched_request(), {"owner", "provider", "unit_staff", "ancestor_staff", "admin"},
            [&](World& w, const Actor& a) {
              // Each person writes as who they are; the others are refused before any rule runs.
              std::string name;
              for (const auto& [k, v] : everyone())
                if (v.user_id == a.user_id) name = k;
              return w.set(a, "request_message", uuid(700 + ++n), message(a, role_of(name), "请问需要准备什么材料？"));
            },
            "forbidden");
}

TEST_CASE("nobody writes as someone else or in another role") {
  World w = matched_request();
  const Actor& owner = person("owner");
  CHECK(code_of(w.set(owner, "request_message", uuid(710), message(person("provider"), "provider", "冒充律师"))) == "author_mismatch");
  CHECK(code_of(w.set(owner, "request_message", uuid(711), message(owner, "staff", "我是工会的"))) == "author_role_mismatch");
  CHECK(code_of(w.set(person("provider"), "request_message", uuid(712), message(person("provider"), "worker", "x"))) ==
        "author_role_mismatch");
  CHECK(code_of(w.set(person("unit_staff"), "request_message", uuid(713), message(person("unit_staff"), "staff", "已转律师"))) ==
        "(applied)");
}

TEST_CASE("how each person signs: the phone asks the same rule the core checks") {
  World w = matched_request();
  const sync::Record& request = w.get("service_request", kRequest);
  CHECK(author_role_for(person("owner"), request) == "worker");
  CHECK(author_role_for(person("provider"), request) == "provider");
  CHECK(author_role_for(person("unit_staff"), request) == "staff");
  CHECK(author_role_for(person("other_worker"), request).empty());
  // A panel lawyer who also holds a staff account answers as the lawyer in their own case.
  Actor lawyer_staff = person("unit_staff");
  lawyer_staff.provider_id = kProvider1;
  CHECK(author_role_for(lawyer_staff, request) == "provider");
  CHECK(code_of(w.set(lawyer_staff, "request_message", uuid(720), message(lawyer_staff, "staff", "x"))) == "author_role_mismatch");
  CHECK(code_of(w.set(lawyer_staff, "request_message", uuid(721), message(lawyer_staff, "provider", "请带上工资条"))) == "(applied)");
}

TEST_CASE("a message carries exactly its request's access fields") {
  World w = matched_request();
  const Actor& staff = person("unit_staff");
  json m = message(staff, "staff", "好的");
  m["owner_id"] = kOtherWorkerUser;  // would show the message to another worker
  CHECK(code_of(w.set(staff, "request_message", uuid(720), m)) == "mismatch");
  m = message(staff, "staff", "好的");
  m.erase("provider_id");  // the assigned lawyer would not see it
  CHECK(code_of(w.set(staff, "request_message", uuid(721), m)) == "mismatch");
  m = message(staff, "staff", "好的");
  m["request_id"] = uuid(699);
  CHECK(code_of(w.set(staff, "request_message", uuid(722), m)) == "not_found");
  // Staff of a sibling town naming their own unit get no rights over the real request.
  const Actor& sibling = person("sibling_staff");
  m = message(sibling, "staff", "路过");
  m["unit_id"] = kTown2;
  CHECK(code_of(w.set(sibling, "request_message", uuid(723), m)) == "mismatch");
}

TEST_CASE("no messages on a cancelled request, and none without the records to check") {
  World cancelled = matched_request("cancelled");
  json m = message(person("owner"), "worker", "还在吗");
  m.erase("provider_id");
  CHECK(code_of(cancelled.set(person("owner"), "request_message", uuid(730), m)) == "request_closed");
  World offline = matched_request();
  offline.with_records = false;
  CHECK(code_of(offline.set(person("owner"), "request_message", uuid(731), message(person("owner"), "worker", "x"))) ==
        "records_unavailable");
  // Before matching there is no provider to copy, and none may be named.
  World ordered = matched_request("ordered");
  CHECK(code_of(ordered.set(person("owner"), "request_message", uuid(732), m)) == "(applied)");
  CHECK(code_of(ordered.set(person("owner"), "request_message", uuid(733), message(person("owner"), "worker", "x"))) == "mismatch");
}

TEST_CASE("messages are never edited, and their fields are checked") {
  World w = matched_request();
  w.must(w.set(person("owner"), "request_message", uuid(740), message(person("owner"), "worker", "第一条")));
  check_who(w, {"admin"}, [](World& x, const Actor& a) { return x.set(a, "request_message", uuid(740), {{"text", "改过了"}}); },
            "forbidden");
  const json good = message(person("owner"), "worker", "你好");
  CHECK(validate_request_message(good).empty());
  json m = good;
  m["text"] = std::string(1001, 'x');
  CHECK(has_error(validate_request_message(m), "too_long", "text"));
  m = good;
  m["text"] = "";
  CHECK(has_error(validate_request_message(m), "required", "text"));
  m = good;
  m["at"] = "2026-07-06 10:05";
  CHECK(has_error(validate_request_message(m), "datetime_invalid", "at"));
  m = good;
  m["author_role"] = "boss";
  CHECK(has_error(validate_request_message(m), "enum_invalid", "author_role"));
  m = good;
  m.erase("request_id");
  CHECK(has_error(validate_request_message(m), "required", "request_id"));
  m = good;
  m["likes"] = 3;
  CHECK(has_error(validate_request_message(m), "field_unknown", "likes"));
}

TEST_CASE("two people writing offline at once both keep their message, in time order") {
  // The worker's follow-up and the lawyer's answer are made on two phones without a network,
  // then reach the server in the opposite order to how they were written.
  World w = matched_request();
  World phone = w;
  const sync::Op answer = phone.op("request_message", uuid(752),
                                   message(person("provider"), "provider", "带上劳动合同和工资流水", "2026-07-06T10:20:00+08:00"));
  const sync::Op follow_up = phone.op("request_message", uuid(751),
                                      message(person("owner"), "worker", "我没有签合同怎么办？", "2026-07-06T10:10:00+08:00"));
  w.must(w.apply(person("provider"), answer));
  w.must(w.apply(person("owner"), follow_up));
  w.must(w.set(person("unit_staff"), "request_message", uuid(750),
               message(person("unit_staff"), "staff", "已转给李律师", "2026-07-06T02:01:00Z")));
  auto thread = request_thread(w.records, kRequest);
  REQUIRE(thread.size() == 3);
  CHECK(thread[0]->str("text") == "已转给李律师");
  CHECK(thread[1]->str("text") == "我没有签合同怎么办？");
  CHECK(thread[2]->str("text") == "带上劳动合同和工资流水");
  CHECK(request_thread(w.records, uuid(999)).empty());
}

}
