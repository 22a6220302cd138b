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

std::string render(Msg msg, Locale locale, const std::vector<std::string>& params) {
  std::string out(message_text(msg, locale));
  std::size_t from = 0;
  for (const std::string& p : params) {
    const auto at = out.find("{}", from);
    if (at == std::string::npos) break;
    out.replace(at, 2, p);
    from = at + p.size();
  }
  return out;
}

}  // namespace nx
