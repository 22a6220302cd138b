#include "ui/screens/labels.h"

#include "core/civil_time.h"
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

std::string china_datetime(const std::string& iso) {
  const auto ms = civil::parse_datetime_ms(iso);
  if (!ms) return iso;
  const civil::LocalTime t = civil::to_china_local(*ms);
  return civil::format_date(t.date) + " " + civil::format_time_of_day(t.minute);
}

int stage_index(const std::string& status) {
  if (status == "matched" || status == "reopened") return 1;
  if (status == "delivered") return 2;
  if (status == "confirmed") return 3;
  return 0;
}

}  // namespace nx::ui
