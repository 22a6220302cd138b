#pragma once
// The UI's words are the catalog's (core/messages/messages.inc): screens name them S::Key.
#include "core/messages/catalog.h"

namespace nx::ui {

using S = Msg;

inline std::string_view text(S key, Locale locale) { return message_text(key, locale); }

}  // namespace nx::ui
