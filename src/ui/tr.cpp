#include "ui/tr.h"

namespace nx::ui {

namespace {
Locale g_locale = Locale::ZhCN;
}

void set_locale(Locale locale) { g_locale = locale; }
Locale current_locale() { return g_locale; }

std::string tr(S key, std::string_view value) {
  std::string out(tr(key));
  if (const auto at = out.find("{}"); at != std::string::npos) out.replace(at, 2, value);
  return out;
}

}  // namespace nx::ui
