#pragma once
// Pieces the forms share (入会申请, 集中入会): a field's message beside it, the first one scrolled
// into view after a refused submit, a small label, the trade chips.
#include <map>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/local_store.h"
#include "ui/strings.h"

namespace nx::ui {

using FieldErrors = std::map<std::string, std::string>;

// Call after a submit the form refused: the next message drawn scrolls itself into view.
void reveal_first_error();
void field_error(const FieldErrors& errors, const char* field);
// A field's message goes once the person changes that field (and the form-wide one with it).
void clear_error(FieldErrors& errors, const char* field);

void form_label(S key);

// A form's checked plan: when `errors` is not empty, keeps them for the form and shows the
// first; else saves `changes` in order, stopping at a refusal (named as the "form" error).
// True when everything was saved.
bool save_plan(app::AppState& state, const std::vector<app::Change>& changes, const FieldErrors& plan_errors,
               FieldErrors& form_errors);

// One chip per trade; returns true when the choice changed.
bool trade_chips(std::string& trade);

}  // namespace nx::ui
