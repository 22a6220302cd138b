// 工会知识, the "first kilometre" for new workers: what a union is, rights and duties, how
// joining works, model workers' stories, and a five-question quiz; plus any article (an
// announcement) opened from 首页. All of it is data staff keep, readable offline.
#include <algorithm>

#include "app/pages.h"
#include "app/phone.h"
#include "core/content/article.h"
#include "core/kinds/kind_support.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

struct Section {
  std::string_view category;
  S label;
};
constexpr Section kSections[] = {
    {"union_basics", S::LearnBasics}, {"rights", S::LearnRights}, {"joining", S::LearnJoining},
    {"model_worker", S::LearnModelWorkers}, {"quiz", S::LearnQuiz},
};

std::vector<const sync::Record*> articles(const sync::RecordSource& records, std::string_view category) {
  std::vector<const sync::Record*> out;
  for (const sync::Record* r : records.all(content::kArticleKind))
    if (!r->deleted && r->str("category") == category) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const sync::Record* a, const sync::Record* b) {
    const auto oa = kinds::field_int(a->fields, "order"), ob = kinds::field_int(b->fields, "order");
    return oa != ob ? oa < ob : a->id < b->id;
  });
  return out;
}

void back(app::AppState& state, S label) {
  if (link_button("back", tr(label))) {
    app::close_page(state);
    state.home.quiz_answers.clear();
  }
}

void quiz(app::AppState& state, const content::Article& a) {
  int right = 0;
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    const content::QuizQuestion& q = a.questions[i];
    ImGui::PushID(static_cast<int>(i));
    card_begin("question");
    paragraph(std::to_string(i + 1) + ". " + q.question, theme::kText, fonts::faces().body_bold);
    const auto chosen = state.home.quiz_answers.find(static_cast<int>(i));
    bool first = true;
    for (std::size_t o = 0; o < q.options.size(); ++o) {
      ImGui::PushID(static_cast<int>(o));
      const bool picked = chosen != state.home.quiz_answers.end() && chosen->second == static_cast<int>(o);
      if (choice_chip("option", q.options[o], picked, first) && chosen == state.home.quiz_answers.end())
        state.home.quiz_answers[static_cast<int>(i)] = static_cast<int>(o);
      first = false;
      ImGui::PopID();
    }
    if (chosen != state.home.quiz_answers.end()) {
      const bool correct = chosen->second == q.answer;
      right += correct;
      paragraph(std::string(tr(correct ? S::QuizRight : S::QuizWrong)) + q.options[q.answer], correct ? theme::kOk : theme::kAccent);
      if (!q.explain.empty()) paragraph(q.explain, theme::kTextMuted);
    }
    card_end();
    ImGui::PopID();
  }
  if (state.home.quiz_answers.size() == a.questions.size()) {
    card_begin("score");
    heading(tr(S::QuizScore, std::to_string(right) + " / " + std::to_string(a.questions.size())));
    if (button("again", tr(S::QuizAgain), false)) state.home.quiz_answers.clear();
    card_end();
  }
}

}  // namespace

void draw_article(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  const sync::Record* r = records ? records->get(content::kArticleKind, app::top_page(state)->record_id) : nullptr;
  const auto decoded = r ? content::decode_article(r->fields) : kinds::Decoded<content::Article>{};
  back(state, app::page_depth(state) > 1 ? S::LearnBack : S::BackHome);  // from 工会知识, or from 首页 itself
  if (!r || !decoded.ok()) return;
  const content::Article& a = decoded.value;
  heading(a.title);
  paragraph(a.published_on, theme::kTextMuted, fonts::faces().small);
  if (a.category == "quiz") return quiz(state, a);
  for (std::size_t start = 0; start < a.body.size();) {
    std::size_t end = a.body.find("\n\n", start);
    if (end == std::string::npos) end = a.body.size();
    paragraph(std::string_view(a.body).substr(start, end - start));
    ImGui::Dummy(ImVec2(0, 4));
    start = end + 2;
  }
}

void draw_learn(app::AppState& state) {
  back(state, S::BackHome);
  heading(tr(S::LearnTitle));
  paragraph(tr(S::LearnIntro), theme::kTextMuted);
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (!records) return;
  for (const Section& section : kSections) {
    const auto list = articles(*records, section.category);
    if (list.empty()) continue;
    card_begin(section.category.data());
    paragraph(tr(section.label), theme::kTextMuted, fonts::faces().small);
    for (const sync::Record* r : list) {
      ImGui::PushID(r->id.c_str());
      if (link_button("read", r->str("title") + " ›")) {
        app::open_page(state, app::PageKind::Article, content::kArticleKind, r->id);
        state.home.quiz_answers.clear();
      }
      ImGui::PopID();
    }
    card_end();
  }
}

// The latest announcements, newest first, for 首页.
void draw_announcements(app::AppState& state, const sync::RecordSource& records) {
  auto list = articles(records, "announcement");
  if (list.empty()) return;
  std::sort(list.begin(), list.end(),
            [](const sync::Record* a, const sync::Record* b) { return a->str("published_on") > b->str("published_on"); });
  card_begin("news");
  heading(tr(S::Announcements));
  for (std::size_t i = 0; i < list.size() && i < 3; ++i) {
    ImGui::PushID(list[i]->id.c_str());
    paragraph(list[i]->str("published_on"), theme::kTextMuted, fonts::faces().small);
    if (link_button("read", list[i]->str("title") + " ›")) {
      app::open_page(state, app::PageKind::Article, content::kArticleKind, list[i]->id);
      state.home.quiz_answers.clear();
    }
    ImGui::PopID();
  }
  card_end();
}

}  // namespace nx::ui
