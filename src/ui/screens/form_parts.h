#pragma once
// Pieces the screens share for taking input and saving it: a field's message beside it, the
// first one scrolled into view after a refused submit, a small label, the trade chips, and
// saving changes with a refusal said in words.
#include <map>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/local_store.h"
#include "ui/strings.h"

namespace nx::ui {

using FieldErrors = app::FieldErrors;

// Call after a submit the form refused: the next message drawn scrolls itself into view.
void reveal_first_error();
void field_error(const FieldErrors& errors, const char* field);
// A field's message goes once the person changes that field (and the form-wide one with it).
void clear_error(FieldErrors& errors, const char* field);

void form_label(S key);

// Saves `changes` in order; a refusal is said in state.notice and the rest is not saved.
// True when everything was saved.
bool save_or_say(app::AppState& state, const std::vector<app::Change>& changes);
inline bool save_or_say(app::AppState& state, const app::Change& change) {
  return save_or_say(state, std::vector<app::Change>{change});
}

// A form's checked plan: when `errors` is not empty, keeps them for the form and shows the
// first; else saves `changes` in order, stopping at a refusal (named as the "form" error).
// True when everything was saved.
bool save_plan(app::AppState& state, const std::vector<app::Change>& changes, const FieldErrors& plan_errors,
               FieldErrors& form_errors);

// While the rest of a big store is still read (app::reading_rest_of_store), says so and returns
// true: the action that needs all of it waits (its button is drawn disabled).
bool says_still_reading(const app::AppState& state);

// One chip per trade; returns true when the choice changed.
bool trade_chips(std::string& trade);

}  // namespace nx::ui
