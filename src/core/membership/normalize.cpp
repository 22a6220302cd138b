#include "core/membership/normalize.h"

#include <array>

#include "core/text.h"

namespace nx::membership {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Longest first, so "有限公司" goes before "公司" could leave "有限".
constexpr std::array<std::string_view, 19> kLegalSuffixes = {
    "股份有限公司", "有限责任公司", "有限公司", "公司",    "co.,ltd.", "co.,ltd", "co.ltd.",
    "co.ltd",       "co.,limited",  "limited",  "ltd.",    "ltd",      "inc.",    "inc",
    "corporation",  "corp.",        "corp",     "company", "co.",
};

// Punctuation left dangling once a suffix is gone ("meituan,inc." -> "meituan,").
constexpr std::array<std::string_view, 5> kTrailingPunctuation = {",", ".", ";", "、", "。"};

}  // namespace

std::string fold_text(std::string_view s) {
  std::u32string out;
  for (char32_t c : text::decode_utf8(s)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII forms
    if (c == 0x3000 || c == 0xA0 || c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    out.push_back(c);
  }
  return text::encode_utf8(out);
}

std::string normalize_employer(std::string_view s) {
  std::string n = fold_text(s);
  for (bool changed = true; changed;) {
    changed = false;
    if (ends_with(n, "分公司")) break;
    for (std::string_view suffix : kLegalSuffixes) {
      if (!ends_with(n, suffix)) continue;
      // A name that is nothing but a suffix stays whole: "有限公司" must not become "有限".
      if (n.size() > suffix.size()) {
        n.resize(n.size() - suffix.size());
        changed = true;
      }
      break;
    }
    for (std::string_view p : kTrailingPunctuation) {
      if (ends_with(n, p) && n.size() > p.size()) {
        n.resize(n.size() - p.size());
        changed = true;
      }
    }
  }
  return n;
}

std::string normalize_person_name(std::string_view s) {
  std::u32string cps = text::decode_utf8(fold_text(s));
  for (char32_t& c : cps)
    if (c == '.' || c == 0x30FB || c == 0x2022 || c == 0x2027 || c == 0xFF65 || c == 0x2219) c = 0xB7;
  return text::encode_utf8(cps);
}

}  // namespace nx::membership
