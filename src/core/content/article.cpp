#include "core/content/article.h"

#include "core/events/rule_support.h"
#include "core/json_in.h"

namespace nx::content {

using nlohmann::json;
using kinds::refuse_unknown_fields;

namespace {

void read_questions(json_in::Reader& r, const json& fields, Article& a) {
  if (!fields.contains("questions")) {
    if (a.category == "quiz") r.require("questions");
    return;
  }
  const json& list = fields["questions"];
  if (!list.is_array() || list.empty() || list.size() > 10) {
    r.add(catalog_error("questions_invalid", "questions", Msg::ErrAQuizHas1To10));
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = "questions[" + std::to_string(i) + "]";
    const json& q = list[i];
    if (!q.is_object()) {
      r.add(catalog_error("type_invalid", where, Msg::ErrEachQuestionIsAnObject));
      continue;
    }
    json_in::Reader qr(q, where);
    QuizQuestion out;
    out.question = qr.required_str("question", 200);
    out.explain = qr.str("explain", 300).value_or("");
    if (auto options = events::read_text_list(qr, q, "options", 2, 4, 60)) out.options = *options;
    else qr.require("options");
    if (auto answer = qr.int_in("answer", 0, 3)) {
      out.answer = static_cast<int>(*answer);
      if (!out.options.empty() && out.answer >= static_cast<int>(out.options.size()))
        qr.add(catalog_error("answer_invalid", where + ".answer", Msg::ErrTheAnswerMustBeOneOf));
    } else {
      qr.require("answer");
    }
    for (Error& e : qr.take_errors()) {
      if (e.field.rfind(where, 0) != 0) e.field = where + "." + e.field;
      r.add(std::move(e));
    }
    a.questions.push_back(std::move(out));
  }
}

Errors validate(const json& fields) { return decode_article(fields).errors; }

}  // namespace

Decoded<Article> decode_article(const json& fields) {
  Decoded<Article> out;
  Article& a = out.value;
  json_in::Reader r(fields, "article");
  if (auto v = r.one_of("category", kArticleCategories)) a.category = *v; else r.require("category");
  a.title = r.required_str("title", 60);
  a.body = r.str("body", 5000).value_or("");
  a.unit_id = r.required_uuid("unit_id");
  a.published_on = r.required_date("published_on");
  a.order = static_cast<int>(r.int_in("order", 0, 1000).value_or(0));
  read_questions(r, fields, a);
  if (a.category != "quiz" && a.body.empty()) r.require("body");
  refuse_unknown_fields(r, fields, {"category", "title", "body", "unit_id", "published_on", "order", "questions"});
  out.errors = r.take_errors();
  return out;
}

kinds::KindSpec article_kind() {
  kinds::KindSpec k;
  k.name = kArticleKind;
  k.validate = validate;
  k.create_rights = kUnitStaff | kAdmin;
  k.edit_rights = kUnitStaff | kAdmin;
  k.is_public = true;
  return k;
}

}  // namespace nx::content
