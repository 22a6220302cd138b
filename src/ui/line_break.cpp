#include "ui/line_break.h"

#include <cstddef>

namespace nx::ui {

namespace {

struct Char {
  char32_t c;
  std::size_t at;  // byte offset
};

std::vector<Char> decode(std::string_view s) {
  std::vector<Char> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back({c, i});
    i += n;
  }
  return out;
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF);
}

bool is_closing(char32_t c) {
  for (char32_t k : U"，。、；：？！）》」』】〕”’…·%,.;:?!)]}")
    if (c == k) return true;
  return false;
}

bool is_opening(char32_t c) {
  for (char32_t k : U"（《「『【〔“‘([{")
    if (c == k) return true;
  return false;
}

bool is_space(char32_t c) { return c == ' ' || c == 0x3000; }

// May a line end between a and b?
bool may_break(char32_t a, char32_t b) {
  if (is_closing(b) || is_opening(a)) return false;
  return is_space(a) || is_cjk(a) || is_cjk(b);
}

}  // namespace

std::vector<std::string_view> break_lines(std::string_view text, float width, const std::function<float(char32_t)>& advance) {
  const std::vector<Char> cs = decode(text);
  const auto byte_at = [&](std::size_t i) { return i < cs.size() ? cs[i].at : text.size(); };
  std::vector<std::string_view> lines;
  const auto emit = [&](std::size_t from, std::size_t to) {
    while (to > from && is_space(cs[to - 1].c)) --to;
    lines.push_back(text.substr(byte_at(from), byte_at(to) - byte_at(from)));
  };
  std::size_t start = 0;
  while (start < cs.size()) {
    float used = 0;
    std::size_t last_break = start;  // a line may end before this char (start: nowhere yet)
    std::size_t i = start;
    std::size_t end = cs.size(), next = cs.size();
    for (; i < cs.size(); ++i) {
      if (cs[i].c == '\n') {
        end = i;
        next = i + 1;
        break;
      }
      used += advance(cs[i].c);
      if (used > width && i > start && !is_space(cs[i].c)) {
        end = next = last_break > start ? last_break : i;
        break;
      }
      if (i + 1 < cs.size() && may_break(cs[i].c, cs[i + 1].c)) last_break = i + 1;
    }
    emit(start, end);
    while (next < cs.size() && is_space(cs[next].c)) ++next;  // a broken line's spaces go
    start = next;
  }
  return lines;
}

}  // namespace nx::ui
