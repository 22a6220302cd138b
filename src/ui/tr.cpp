#include "ui/tr.h"

namespace nx::ui {

namespace {
Locale g_locale = Locale::ZhCN;
}

void set_locale(Locale locale) { g_locale = locale; }
Locale current_locale() { return g_locale; }

}  // namespace nx::ui
