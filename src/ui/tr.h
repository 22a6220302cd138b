#pragma once
// Translation in the UI: screens write tr(S::TabHome) and get the text in the app's language.
#include <string>
#include <string_view>

#include "core/locale.h"
#include "ui/strings.h"

namespace nx::ui {

void set_locale(Locale locale);  // the root sets it from the app state each frame
Locale current_locale();
inline std::string_view tr(S key) { return text(key, current_locale()); }
// The text of `key` with its "{}" replaced by `value` ("{} 分钟后关门" -> "20 分钟后关门"): word
// order differs between the languages, so the number's place belongs to the string table.
std::string tr(S key, std::string_view value);
// A message kept in state (a code and its parameters), in the language of the moment.
inline std::string tr(const Message& message) { return message.text(current_locale()); }

}  // namespace nx::ui
