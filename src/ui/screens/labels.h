#pragma once
// Names of the core's codes on screen, shared by the worker's and the staff's screens: a
// service request's category and the stage of 已点单 → 已配单 → 已送单 → 已确认 it has reached,
// an event's category, and a station's amenities.
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

// "2026-07-01 10:30": an ISO moment in China time, as a person reads a clock.
std::string china_datetime(const std::string& iso);

inline constexpr LabelledName kEventCategories[] = {
    {"summer_cooling", S::EventSummerCooling}, {"winter_warmth", S::EventWinterWarmth}, {"service_fair", S::EventServiceFair},
    {"study_trip", S::EventStudyTrip},         {"training", S::EventTraining},          {"talk", S::EventTalk},
    {"skills_competition", S::EventCompetition}, {"other", S::EventKindOther},
};
std::string_view event_category_text(const std::string& category);

// In the order workers ask for them (驿站 shows the first few, the rest behind "更多").
inline constexpr LabelledName kAmenityLabels[] = {
    {"drinking_water", S::AmenityDrinkingWater}, {"cooling", S::AmenityCooling},   {"heating", S::AmenityHeating},
    {"charging", S::AmenityCharging},            {"toilet", S::AmenityToilet},     {"rest", S::AmenityRest},
    {"hot_compress", S::AmenityHotCompress},     {"reading", S::AmenityReading},   {"microwave", S::AmenityMicrowave},
    {"first_aid", S::AmenityFirstAid},           {"shelter", S::AmenityShelter},
};

// 0-3: ordered, matched (and reopened), delivered, confirmed.
int stage_index(const std::string& status);
inline constexpr S kStages[] = {S::StageOrdered, S::StageMatched, S::StageDelivered, S::StageConfirmed};

}  // namespace nx::ui
