#pragma once
// The message catalog: every word a person can see, as a code (Msg) with zh-CN and English in
// one table (messages.inc, one row a message). State keeps codes and their parameters
// (Message), never rendered text, so switching the language re-renders all that is on screen.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/locale.h"

namespace nx {

enum class Msg : std::uint16_t {
#define NX_MESSAGE(key, zh, en) key,
#include "core/messages/messages.inc"
#undef NX_MESSAGE
  Count_  // not a message: the number of entries
};

// The text of `msg` in `locale`, "{}" where its parameters go; never empty ("?" out of range).
std::string_view message_text(Msg msg, Locale locale);
// The code's name ("SyncSaved"), as it crosses the wire, and back.
std::string_view message_name(Msg msg);
std::optional<Msg> message_named(std::string_view name);

// `msg` in `locale` with its "{}"s replaced by `params`, in order.
std::string render(Msg msg, Locale locale, const std::vector<std::string>& params = {});

// A message and its parameters: what state keeps until it is drawn.
struct Message {
  Msg msg = Msg::Count_;  // Count_: no message
  std::vector<std::string> params;

  explicit operator bool() const { return msg != Msg::Count_; }
  std::string text(Locale locale) const { return render(msg, locale, params); }
  bool operator==(const Message&) const = default;
};

}  // namespace nx
