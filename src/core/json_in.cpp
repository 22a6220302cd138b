#include "core/json_in.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/text.h"
#include "core/validate.h"

namespace nx::json_in {

using nlohmann::json;

Result<json> parse(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_bytes)
    return make_error("too_large", "", "内容太大", "The body is larger than " + std::to_string(limits.max_bytes) + " bytes");
  if (!text::is_valid_utf8(text))
    return make_error("encoding_invalid", "", "内容不是有效的 UTF-8", "The body is not valid UTF-8");
  bool too_deep = false;
  bool too_long = false;
  bool has_nul = false;  // "\u0000": C strings and PostgreSQL end at it, so it would mean different things
  // {"owner_id": "me", "owner_id": "you"}: a checker reading the first and a store keeping the
  // last would disagree, so a key twice in one object refuses the body. Objects have few keys:
  // a list per open object is cheaper than a set.
  bool duplicate_key = false;
  std::vector<std::vector<std::string>> open_objects;
  std::size_t depth_open = 0;
  const auto check_string = [&](const json& s) {
    const auto& str = s.get_ref<const std::string&>();
    if (str.size() > limits.max_string_bytes) too_long = true;
    if (str.find('\0') != std::string::npos) has_nul = true;
  };
  // The callback sees every event with its depth: refuse deep nesting and huge strings as
  // they are read, before any large structure is built.
  json::parser_callback_t check = [&](int d, json::parse_event_t event, json& parsed) {
    if (d > limits.max_depth) too_deep = true;
    if ((event == json::parse_event_t::value || event == json::parse_event_t::key) && parsed.is_string())
      check_string(parsed);
    if (event == json::parse_event_t::object_start) {
      if (open_objects.size() <= depth_open) open_objects.emplace_back();
      open_objects[depth_open++].clear();
    } else if (event == json::parse_event_t::object_end) {
      --depth_open;
    } else if (event == json::parse_event_t::key && depth_open > 0 && !too_long) {
      auto& keys = open_objects[depth_open - 1];
      const auto& key = parsed.get_ref<const std::string&>();
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) duplicate_key = true;
      keys.push_back(key);
    }
    return !(too_deep || too_long || has_nul || duplicate_key);
  };
  json result = json::parse(text.begin(), text.end(), check, /*allow_exceptions=*/false);
  if (too_deep)
    return make_error("too_deep", "", "内容嵌套太深", "JSON nesting is deeper than " + std::to_string(limits.max_depth));
  if (too_long) return make_error("string_too_long", "", "有一段文字太长", "A string is longer than allowed");
  if (duplicate_key) return make_error("duplicate_key", "", "同一个字段出现了两次", "A key appears twice in one object");
  if (has_nul) return make_error("encoding_invalid", "", "内容含有空字符（\\u0000）", "The body holds a NUL character (\\u0000)");
  if (result.is_discarded()) return make_error("json_invalid", "", "内容不是有效的 JSON", "The body is not valid JSON");
  return result;
}

int depth(const json& j) {
  if (!j.is_structured()) return 0;
  int deepest = 0;
  for (const auto& child : j) deepest = std::max(deepest, depth(child));
  return deepest + 1;
}

Reader::Reader(const json& object, std::string context) : object_(object), context_(std::move(context)) {
  if (!object_.is_object())
    errors_.push_back(make_error("type_invalid", context_, "应为一个对象", "Expected a JSON object"));
}

const json* Reader::get(const std::string& field) const {
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(field);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool Reader::has(const std::string& field) const { return get(field) != nullptr; }

void Reader::type_error(const std::string& field, const char* zh_type, const char* en_type) {
  errors_.push_back(make_error("type_invalid", field, std::string("应为") + zh_type, std::string("Expected ") + en_type));
}

void Reader::require(const std::string& field) {
  if (!has(field)) errors_.push_back(required_error(field));
}

std::optional<std::string> Reader::str(const std::string& field, std::size_t max_chars) {
  const json* v = get(field);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    type_error(field, "文字", "a string");
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (auto e = validate::text(s, field, max_chars)) {
    errors_.push_back(*e);
    return std::nullopt;
  }
  return s;
}

std::string Reader::required_str(const std::string& field, std::size_t max_chars) {
  if (!has(field)) {
    errors_.push_back(required_error(field));
    return {};
  }
  auto s = str(field, max_chars);
  if (s && text::trim(*s).empty()) {
    errors_.push_back(required_error(field));
    return {};
  }
  return s.value_or("");
}

std::optional<std::int64_t> Reader::int_in(const std::string& field, std::int64_t min, std::int64_t max) {
  const json* v = get(field);
  if (!v) return std::nullopt;
  std::int64_t value = 0;
  if (v->is_number_integer()) {
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      value = INT64_MAX;
    } else {
      value = v->get<std::int64_t>();
    }
  } else if (v->is_number_float()) {
    const double d = v->get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9e15) {
      type_error(field, "整数", "an integer");
      return std::nullopt;
    }
    value = static_cast<std::int64_t>(d);
  } else {
    type_error(field, "整数", "an integer");
    return std::nullopt;
  }
  if (value < min || value > max) {
    errors_.push_back(make_error("out_of_range", field,
                                 "应在 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间",
                                 "Must be from " + std::to_string(min) + " to " + std::to_string(max)));
    return std::nullopt;
  }
  return value;
}

std::optional<double> Reader::number_in(const std::string& field, double min, double max) {
  const json* v = get(field);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    type_error(field, "数字", "a number");
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    errors_.push_back(make_error("out_of_range", field, "数值超出范围", "The number is out of range"));
    return std::nullopt;
  }
  return d;
}

std::optional<bool> Reader::boolean(const std::string& field) {
  const json* v = get(field);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    type_error(field, "是或否", "true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::string> Reader::one_of(const std::string& field, std::span<const std::string_view> allowed) {
  auto s = str(field, 64);
  if (!s) return std::nullopt;
  for (std::string_view a : allowed)
    if (a == *s) return s;
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  errors_.push_back(make_error("enum_invalid", field, "不是可选的值：" + *s, "Not one of " + list + ": " + *s));
  return std::nullopt;
}

namespace {
template <typename Check>
std::optional<std::string> checked(Reader& r, const std::string& field, std::size_t max, Check check) {
  auto s = r.str(field, max);
  if (!s) return std::nullopt;
  if (auto e = check(*s, field)) {
    r.add(*e);
    return std::nullopt;
  }
  return s;
}
}  // namespace

std::optional<std::string> Reader::date(const std::string& field) {
  return checked(*this, field, 10, [](std::string_view v, const std::string& f) { return validate::date(v, f); });
}
std::optional<std::string> Reader::datetime(const std::string& field) {
  return checked(*this, field, 40, [](std::string_view v, const std::string& f) { return validate::datetime(v, f); });
}
std::optional<std::string> Reader::time_of_day(const std::string& field) {
  return checked(*this, field, 5, [](std::string_view v, const std::string& f) { return validate::time_of_day(v, f); });
}
std::optional<std::string> Reader::uuid(const std::string& field) {
  return checked(*this, field, 36, [](std::string_view v, const std::string& f) { return validate::uuid(v, f); });
}
std::optional<std::string> Reader::phone(const std::string& field) {
  auto s = checked(*this, field, 24, [](std::string_view v, const std::string& f) { return validate::phone(v, f); });
  if (!s) return std::nullopt;
  return validate::normalize_phone(*s);
}

namespace {
std::string required_of(Reader& r, const std::string& field, std::optional<std::string> value) {
  if (!value) r.require(field);
  return value.value_or("");
}
}  // namespace

std::string Reader::required_date(const std::string& field) { return required_of(*this, field, date(field)); }
std::string Reader::required_datetime(const std::string& field) { return required_of(*this, field, datetime(field)); }
std::string Reader::required_time_of_day(const std::string& field) { return required_of(*this, field, time_of_day(field)); }
std::string Reader::required_uuid(const std::string& field) { return required_of(*this, field, uuid(field)); }

std::optional<std::vector<std::string>> Reader::string_set(const std::string& field, std::span<const std::string_view> allowed) {
  const json* v = get(field);
  if (!v) return std::nullopt;
  if (!v->is_array() || v->size() > allowed.size() * 2 + 8) {
    type_error(field, "列表", "a list");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const json& item : *v) {
    if (!item.is_string()) {
      type_error(field, "文字列表", "a list of strings");
      return std::nullopt;
    }
    const auto& s = item.get_ref<const std::string&>();
    bool known = false;
    for (std::string_view a : allowed) known |= a == s;
    if (!known) {
      errors_.push_back(make_error("enum_invalid", field, "不是可选的值：" + s, "Not an allowed value: " + s));
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

}  // namespace nx::json_in
