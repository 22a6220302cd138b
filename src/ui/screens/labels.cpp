#include "ui/screens/labels.h"

#include "ui/tr.h"

namespace nx::ui {

std::string_view category_text(const std::string& category) {
  for (const LabelledName& c : kCategories)
    if (c.name == category) return tr(c.label);
  return category;
}

std::string_view event_category_text(const std::string& category) {
  for (const LabelledName& c : kEventCategories)
    if (c.name == category) return tr(c.label);
  return tr(S::EventOther);
}

int stage_index(const std::string& status) {
  if (status == "matched" || status == "reopened") return 1;
  if (status == "delivered") return 2;
  if (status == "confirmed") return 3;
  return 0;
}

}  // namespace nx::ui
