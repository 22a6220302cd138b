#include "app/search_text.h"

#include "core/membership/normalize.h"
#include "core/pinyin.h"

namespace nx::app {

namespace {
// Between the folded fields, so that a search never matches across two of them: folded text
// is valid UTF-8, which never holds the byte 0xFF.
constexpr char kFieldBreak = '\xFF';
}  // namespace

SearchText search_text(const sync::Record& r, std::initializer_list<const char*> fields) {
  SearchText text;
  for (const char* field : fields)
    if (const std::string& value = r.str_ref(field); !value.empty()) text.folded += membership::fold_text(value) + kFieldBreak;
  text.name_initials = pinyin::initials_of(r.str_ref("name"));
  return text;
}

SearchQuery::SearchQuery(std::string_view typed)
    : folded_(membership::fold_text(typed)), initials_(pinyin::looks_like_initials(folded_)) {}

bool SearchQuery::matches(const SearchText& text) const {
  return folded_.empty() || text.folded.find(folded_) != std::string::npos ||
         (initials_ && pinyin::matches_initials(text.name_initials, folded_));
}

}  // namespace nx::app
