#include "core/messages/catalog.h"

#include <array>

namespace nx {

namespace {

struct Row {
  std::string_view name, zh, en;
};

constexpr Row kRows[] = {
#define NX_MESSAGE(key, zh, en) {#key, zh, en},
#include "core/messages/messages.inc"
#undef NX_MESSAGE
};
static_assert(std::size(kRows) == static_cast<std::size_t>(Msg::Count_));

}  // namespace

std::string_view message_text(Msg msg, Locale locale) {
  const auto index = static_cast<std::size_t>(msg);
  if (index >= std::size(kRows)) return "?";
  return locale == Locale::En ? kRows[index].en : kRows[index].zh;
}

std::string_view message_name(Msg msg) {
  const auto index = static_cast<std::size_t>(msg);
  return index < std::size(kRows) ? kRows[index].name : "";
}

std::optional<Msg> message_named(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kRows); ++i)
    if (kRows[i].name == name) return static_cast<Msg>(i);
  return std::nullopt;
}

std::string render(Msg msg, Locale locale, const std::vector<Param>& params) {
  const std::string_view text = message_text(msg, locale);
  std::string out;
  std::size_t next = 0;  // the parameter a plain "{}" takes
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t index = params.size(), width = 0;
    if (text.compare(i, 2, "{}") == 0) {
      index = next++;
      width = 2;
    } else if (i + 2 < text.size() && text[i] == '{' && text[i + 1] >= '0' && text[i + 1] <= '9' && text[i + 2] == '}') {
      index = static_cast<std::size_t>(text[i + 1] - '0');
      width = 3;
    }
    if (width == 0) {
      out += text[i];
      continue;
    }
    if (index < params.size()) out += params[index].text(locale);
    else out.append(text.substr(i, width));  // a missing parameter shows as its hole, not as nothing
    i += width - 1;
  }
  return out;
}

}  // namespace nx
