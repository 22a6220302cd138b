#include "ui/screens/form_parts.h"

#include "core/membership/trades.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
bool g_reveal_first_error = false;
}  // namespace

void reveal_first_error() { g_reveal_first_error = true; }

void field_error(const FieldErrors& errors, const char* field) {
  auto it = errors.find(field);
  if (it == errors.end()) return;
  paragraph(it->second, theme::kAccent);
  if (g_reveal_first_error) {
    ImGui::SetScrollHereY(0.5f);
    g_reveal_first_error = false;
  }
}

void clear_error(FieldErrors& errors, const char* field) {
  errors.erase(field);
  errors.erase("form");
}

void form_label(S key) { paragraph(tr(key), theme::kTextMuted, fonts::faces().small); }

bool trade_chips(std::string& trade) {
  bool changed = false;
  bool first = true;
  for (std::string_view name : membership::kTradeNames) {
    const auto parsed = membership::parse_trade(name);
    if (toggle_chip(name.data(), membership::trade_label(*parsed, current_locale()), trade == name, first)) {
      trade = std::string(name);
      changed = true;
    }
    first = false;
  }
  return changed;
}

}  // namespace nx::ui
