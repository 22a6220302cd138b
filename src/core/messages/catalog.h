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

// A parameter of a message: a value shown as it is (a name, a number, a date), or a word of the
// catalog (a skill level, a record's status), said in the language the message is drawn in.
struct Param {
  Param(std::string v) : value(std::move(v)) {}  // NOLINT: implicit on purpose
  Param(std::string_view v) : value(v) {}        // NOLINT
  Param(const char* v) : value(v) {}             // NOLINT
  Param(Msg w) : word(w) {}                      // NOLINT
  std::string value;
  Msg word = Msg::Count_;  // Count_: the parameter is `value`

  std::string text(Locale locale) const { return word == Msg::Count_ ? value : std::string(message_text(word, locale)); }
  bool operator==(const Param&) const = default;
};

// `msg` in `locale` with its holes filled from `params`: each "{}" takes the next parameter, "{N}"
// takes parameter N (for a language that needs them in another order: "{0}月{1}日" / "{1} {2}").
std::string render(Msg msg, Locale locale, const std::vector<Param>& params = {});

// A message and its parameters: what state keeps until it is drawn.
struct Message {
  Msg msg = Msg::Count_;  // Count_: no message
  std::vector<Param> params;

  explicit operator bool() const { return msg != Msg::Count_; }
  std::string text(Locale locale) const { return render(msg, locale, params); }
  bool operator==(const Message&) const = default;
};

}  // namespace nx
