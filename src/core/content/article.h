#pragma once
// What the union tells workers, kept by staff as data (kind "article"), readable offline:
// announcements (公告) on 首页, and 工会知识 — the "first kilometre" for new workers: what a
// union is and does, a member's rights and duties, how joining works, stories of model workers
// and craftsmen (劳模工匠), and a short quiz. Fields:
//   category (announcement | union_basics | rights | joining | model_worker | quiz), title,
//   body (paragraphs separated by blank lines), unit_id, published_on (YYYY-MM-DD), order
//   (position within its category, lowest first), questions (quiz only: 1-10 of
//   {question, options: 2-4 texts, answer: index of the right option, explain})
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/kinds/kind_support.h"
#include "core/kinds/registry.h"

namespace nx::content {

using kinds::Decoded;

inline constexpr const char* kArticleKind = "article";
inline constexpr std::array<std::string_view, 6> kArticleCategories = {"announcement", "union_basics", "rights",
                                                                       "joining",      "model_worker", "quiz"};

struct QuizQuestion {
  std::string question;
  std::vector<std::string> options;
  int answer = 0;
  std::string explain;
};

struct Article {
  std::string category, title, body, unit_id, published_on;
  int order = 0;
  std::vector<QuizQuestion> questions;
};

Decoded<Article> decode_article(const nlohmann::json& fields);
kinds::KindSpec article_kind();

}  // namespace nx::content
