#include <doctest/doctest.h>

#include "core/content/article.h"
#include "core/content/job_post.h"
#include "core/demo/demo.h"

using namespace nx;
using namespace nx::content;
using nlohmann::json;

namespace {
const std::string kUnit = "0a0a0a0a-0000-4000-8000-000000000001";

bool has_error(const Errors& errors, const std::string& field) {
  for (const Error& e : errors)
    if (e.field == field) return true;
  return false;
}

json quiz_question(int answer) {
  return {{"question", "没签劳动合同能入会吗？"}, {"options", {"能", "不能"}}, {"answer", answer}};
}
}  // namespace

TEST_CASE("an article: category, title and body, and the body may be left out only by a quiz") {
  json a = {{"category", "rights"}, {"title", "会员的权利和义务"}, {"body", "权利……"}, {"unit_id", kUnit}, {"published_on", "2026-07-01"}};
  CHECK(decode_article(a).ok());
  a.erase("body");
  CHECK(has_error(decode_article(a).errors, "body"));
  a["category"] = "gossip";
  CHECK(has_error(decode_article(a).errors, "category"));
  a["category"] = "quiz";
  CHECK(has_error(decode_article(a).errors, "questions"));
  a["questions"] = json::array({quiz_question(0)});
  const auto quiz = decode_article(a);
  REQUIRE(quiz.ok());
  CHECK(quiz.value.questions[0].options.size() == 2);
}

TEST_CASE("a quiz question must have its answer among its options") {
  json a = {{"category", "quiz"}, {"title", "小测验"}, {"unit_id", kUnit}, {"published_on", "2026-07-01"},
            {"questions", json::array({quiz_question(3)})}};
  CHECK(!decode_article(a).ok());
  a["questions"] = json::array();
  CHECK(has_error(decode_article(a).errors, "questions"));
  a["questions"] = json::array({quiz_question(1), 5});
  CHECK(!decode_article(a).ok());
  a["questions"] = json::array({quiz_question(1)});
  a["extra"] = 1;
  CHECK(has_error(decode_article(a).errors, "extra"));
}

TEST_CASE("a job post: trade, pay range, contact; closed posts say so") {
  json j = {{"title", "快递分拣员"}, {"trade", "courier"}, {"employer", "顺丰"}, {"place", "物流园"}, {"contact", "人事 0523-86202222"},
            {"pay_min", 5000}, {"pay_max", 6500}, {"unit_id", kUnit}, {"published_on", "2026-07-01"}};
  auto d = decode_job_post(j);
  REQUIRE(d.ok());
  CHECK(d.value.open);
  j["open"] = false;
  CHECK(!decode_job_post(j).value.open);
  j["pay_max"] = 4000;
  CHECK(has_error(decode_job_post(j).errors, "pay_max"));
  j["pay_max"] = 6500;
  j["trade"] = "astronaut";
  CHECK(has_error(decode_job_post(j).errors, "trade"));
  j["trade"] = "courier";
  j["open"] = "yes";
  CHECK(has_error(decode_job_post(j).errors, "open"));
}

TEST_CASE("the demo publishes news, 工会知识 with a five-question quiz, and job posts") {
  const auto d = demo::generate_demo_district({}).value();
  int announcements = 0, quizzes = 0, jobs = 0;
  for (const sync::Record* r : d.records.all(kArticleKind)) {
    CHECK(decode_article(r->fields).ok());
    announcements += r->str("category") == "announcement";
    if (r->str("category") == "quiz") {
      ++quizzes;
      CHECK(decode_article(r->fields).value.questions.size() == 5);
    }
  }
  for (const sync::Record* r : d.records.all(kJobPostKind)) jobs += decode_job_post(r->fields).ok();
  CHECK(announcements == 3);
  CHECK(quizzes == 1);
  CHECK(jobs == 6);
}
