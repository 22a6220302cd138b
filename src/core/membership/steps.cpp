#include "core/membership/steps.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/membership/fields.h"
#include "core/text.h"

namespace nx::membership {

using nlohmann::json;

void append_step(json& fields, std::string_view step, const Actor& actor, std::int64_t now_ms, std::string_view note) {
  json& log = fields[kStepsField];
  if (!log.is_array()) log = json::array();
  json entry = {{"step", step}, {"at", iso_moment(now_ms)}, {"by", actor.user_id}};
  if (!note.empty()) entry["note"] = note;
  log.push_back(std::move(entry));
  while (log.size() > kMaxSteps) log.erase(log.begin());
}

std::vector<StepEntry> read_steps(const json& fields) {
  std::vector<StepEntry> out;
  if (!fields.is_object()) return out;
  auto it = fields.find(kStepsField);
  if (it == fields.end() || !it->is_array()) return out;
  for (const json& e : *it) {
    StepEntry s;
    s.step = field_str(e, "step");
    s.at = field_str(e, "at");
    auto ms = civil::parse_datetime_ms(s.at);
    if (s.step.empty() || !ms) continue;
    s.at_ms = *ms;
    s.by = field_str(e, "by");
    s.note = field_str(e, "note");
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<Error> check_steps_field(const json& fields) {
  if (!fields.is_object()) return std::nullopt;
  auto it = fields.find(kStepsField);
  if (it == fields.end() || it->is_null()) return std::nullopt;
  if (!it->is_array() || it->size() > kMaxSteps ||
      !std::all_of(it->begin(), it->end(), [](const json& e) { return e.is_object(); }))
    return catalog_error("steps_invalid", kStepsField, Msg::ErrTheStepLogIsCorrupt);
  return std::nullopt;
}

Status only_params(std::string_view transition, const json& params, std::span<const std::string_view> allowed) {
  if (!params.is_object()) return ok_status();
  for (const auto& [name, _] : params.items()) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      return catalog_error("param_not_allowed", name, Msg::ErrStepCannotChange, {transition, name});
  }
  return ok_status();
}

Status required_param_text(const json& fields, const std::string& field, std::size_t max_chars, Msg when_missing) {
  const std::string value = field_str(fields, field);
  if (text::trim(value).empty()) return catalog_error("required", field, when_missing);
  const auto length = text::utf8_length(value);
  if (!length || *length > max_chars)
    return catalog_error("too_long", field, Msg::ErrAtMostCharacters, {std::to_string(max_chars)});
  return ok_status();
}

}  // namespace nx::membership
