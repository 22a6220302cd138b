#include "ui/screens/form_parts.h"

#include "app/phone.h"
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
  paragraph(it->second.text(current_locale()), theme::kAccent);
  if (g_reveal_first_error) {
    ImGui::SetScrollHereY(0.5f);
    g_reveal_first_error = false;
  }
}

void clear_error(FieldErrors& errors, const char* field) {
  errors.erase(field);
  errors.erase("form");
}

bool says_still_reading(const app::AppState& state) {
  if (!app::reading_rest_of_store(state)) return false;
  paragraph(tr(S::StillReadingStore, std::to_string(state.loading_progress)), theme::kTextMuted, fonts::faces().small);
  return true;
}

bool save_or_say(app::AppState& state, const std::vector<app::Change>& changes) {
  if (auto saved = state.services->save(changes); !saved) {
    state.notice = saved.error();
    return false;
  }
  return true;
}

bool save_plan(app::AppState& state, const std::vector<app::Change>& changes, const FieldErrors& plan_errors,
               FieldErrors& form_errors) {
  form_errors = plan_errors;
  if (!plan_errors.empty()) {
    reveal_first_error();
    return false;
  }
  if (auto saved = state.services->save(changes); !saved) {
    form_errors["form"] = saved.error();
    reveal_first_error();
    return false;
  }
  return true;
}

void form_label(S key) { paragraph(tr(key), theme::kTextMuted, fonts::faces().small); }

bool trade_chips(std::string& trade) {
  bool changed = false;
  bool first = true;
  for (std::string_view name : membership::kTradeNames) {
    const auto parsed = membership::parse_trade(name);
    if (choice_chip(name.data(), tr(membership::trade_label(*parsed)), trade == name, first)) {
      trade = std::string(name);
      changed = true;
    }
    first = false;
  }
  return changed;
}

}  // namespace nx::ui
