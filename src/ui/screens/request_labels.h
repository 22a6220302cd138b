#pragma once
// How a service request is named on screen, for the worker (服务) and for staff (待办): its
// category and the stage of 已点单 → 已配单 → 已送单 → 已确认 it has reached.
#include <string>
#include <string_view>

#include "ui/strings.h"

namespace nx::ui {

struct LabelledName {
  std::string_view name;
  S label;
};
inline constexpr LabelledName kCategories[] = {
    {"legal_consultation", S::CatLegalConsultation}, {"legal_aid", S::CatLegalAid}, {"health_check", S::CatHealthCheck},
    {"insurance", S::CatInsurance},                  {"training", S::CatTraining},  {"other", S::CatOther},
};

std::string_view category_text(const std::string& category);

// 0-3: ordered, matched (and reopened), delivered, confirmed.
int stage_index(const std::string& status);
inline constexpr S kStages[] = {S::StageOrdered, S::StageMatched, S::StageDelivered, S::StageConfirmed};

}  // namespace nx::ui
