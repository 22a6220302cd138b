#pragma once
// Translation in the UI: screens write tr(S::TabHome) and get the text in the app's language.
#include "core/locale.h"
#include "ui/strings.h"

namespace nx::ui {

void set_locale(Locale locale);  // the root sets it from the app state each frame
Locale current_locale();
inline std::string_view tr(S key) { return text(key, current_locale()); }

}  // namespace nx::ui
