#include "ui/screens/labels.h"

#include "ui/tr.h"

namespace nx::ui {

std::string_view category_text(const std::string& category) {
  for (const LabelledName& c : kCategories)
    if (c.name == category) return tr(c.label);
  return category;
}

int stage_index(const std::string& status) {
  if (status == "matched" || status == "reopened") return 1;
  if (status == "delivered") return 2;
  if (status == "confirmed") return 3;
  return 0;
}

}  // namespace nx::ui
