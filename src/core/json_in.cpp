#include "core/json_in.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <vector>

#include "core/text.h"
#include "core/validate.h"

namespace nx::json_in {

using nlohmann::json;

namespace {

// The checks, as a SAX pass over the text before anything is built. (nlohmann 3.11.2's
// parser callback does the same job but scans the enclosing array at every object's end:
// 300 KB of "{}," took 8 s where a plain parse takes 12 ms.)
class LimitsCheck {
 public:
  enum class Found { Nothing, TooDeep, TooLong, DuplicateKey, Nul, Invalid };

  explicit LimitsCheck(const Limits& limits) : limits_(limits) {}
  Found found() const { return found_; }

  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const json::string_t&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool string(json::string_t& s) { return check_string(s); }
  bool start_array(std::size_t) { return open(); }
  bool end_array() { return close(); }
  bool start_object(std::size_t) {
    if (!open()) return false;
    if (objects_.size() <= open_objects_) objects_.emplace_back();
    objects_[open_objects_++].clear();
    return true;
  }
  bool end_object() {
    --open_objects_;
    return close();
  }
  // {"owner_id": "me", "owner_id": "you"}: a checker reading the first and a store keeping the
  // last would disagree, so a key twice in one object refuses the body.
  bool key(json::string_t& k) {
    if (!check_string(k)) return false;
    if (!objects_[open_objects_ - 1].insert(k)) return stop(Found::DuplicateKey);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return stop(Found::Invalid); }

 private:
  // An object's keys: a short list while it is small (most are), a hash set past that, so a
  // body of one huge object is not quadratic either.
  class Keys {
   public:
    void clear() {
      few_.clear();
      many_.clear();
    }
    bool insert(const std::string& k) {
      if (many_.empty() && few_.size() < 16) {
        if (std::find(few_.begin(), few_.end(), k) != few_.end()) return false;
        few_.push_back(k);
        return true;
      }
      if (many_.empty()) many_.insert(few_.begin(), few_.end());
      return many_.insert(k).second;
    }

   private:
    std::vector<std::string> few_;
    std::unordered_set<std::string> many_;
  };

  bool open() { return ++depth_ <= limits_.max_depth || stop(Found::TooDeep); }
  bool close() {
    --depth_;
    return true;
  }
  bool check_string(const std::string& s) {
    if (s.size() > limits_.max_string_bytes) return stop(Found::TooLong);
    // "\u0000": C strings and PostgreSQL end at it, so it would mean different things there.
    if (s.find('\0') != std::string::npos) return stop(Found::Nul);
    return true;
  }
  bool stop(Found f) {
    found_ = f;
    return false;
  }

  const Limits& limits_;
  Found found_ = Found::Nothing;
  int depth_ = 0;
  std::vector<Keys> objects_;  // one per open object, reused
  std::size_t open_objects_ = 0;
};

}  // namespace

Result<json> parse(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_bytes)
    return catalog_error("too_large", "", Msg::ErrBodyLargerThan, {std::to_string(limits.max_bytes)});
  if (!text::is_valid_utf8(text))
    return catalog_error("encoding_invalid", "", Msg::ErrTheBodyIsNotValidUTF);
  LimitsCheck check(limits);
  json::sax_parse(text.begin(), text.end(), &check);
  switch (check.found()) {
    case LimitsCheck::Found::TooDeep:
      return catalog_error("too_deep", "", Msg::ErrNestingDeeperThan, {std::to_string(limits.max_depth)});
    case LimitsCheck::Found::TooLong:
      return catalog_error("string_too_long", "", Msg::ErrAStringIsLongerThanAllowed);
    case LimitsCheck::Found::DuplicateKey:
      return catalog_error("duplicate_key", "", Msg::ErrAKeyAppearsTwiceInOne);
    case LimitsCheck::Found::Nul:
      return catalog_error("encoding_invalid", "", Msg::ErrTheBodyHoldsANULCharacter);
    case LimitsCheck::Found::Invalid:
      return catalog_error("json_invalid", "", Msg::ErrTheBodyIsNotValidJSON);
    case LimitsCheck::Found::Nothing:
      break;
  }
  json result = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (result.is_discarded()) return catalog_error("json_invalid", "", Msg::ErrTheBodyIsNotValidJSON);
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
    errors_.push_back(catalog_error("type_invalid", context_, Msg::ErrExpectedAJSONObject));
}

const json* Reader::get(const std::string& field) const {
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(field);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool Reader::has(const std::string& field) const { return get(field) != nullptr; }

void Reader::type_error(const std::string& field, Msg expected) {
  errors_.push_back(catalog_error("type_invalid", field, Msg::ErrExpected, {expected}));
}

void Reader::require(const std::string& field) {
  if (!has(field)) errors_.push_back(required_error(field));
}

std::optional<std::string> Reader::str(const std::string& field, std::size_t max_chars) {
  const json* v = get(field);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    type_error(field, Msg::TypeString);
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
      type_error(field, Msg::TypeInteger);
      return std::nullopt;
    }
    value = static_cast<std::int64_t>(d);
  } else {
    type_error(field, Msg::TypeInteger);
    return std::nullopt;
  }
  if (value < min || value > max) {
    errors_.push_back(catalog_error("out_of_range", field, Msg::ErrMustBeFromTo, {std::to_string(min), std::to_string(max)}));
    return std::nullopt;
  }
  return value;
}

std::optional<double> Reader::number_in(const std::string& field, double min, double max) {
  const json* v = get(field);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    type_error(field, Msg::TypeNumber);
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    errors_.push_back(catalog_error("out_of_range", field, Msg::ErrTheNumberIsOutOfRange));
    return std::nullopt;
  }
  return d;
}

std::optional<bool> Reader::boolean(const std::string& field) {
  const json* v = get(field);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    type_error(field, Msg::TypeTrueOrFalse);
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
  errors_.push_back(catalog_error("enum_invalid", field, Msg::ErrNotOneOf, {*s, list}));
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
    type_error(field, Msg::TypeList);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const json& item : *v) {
    if (!item.is_string()) {
      type_error(field, Msg::TypeStringList);
      return std::nullopt;
    }
    const auto& s = item.get_ref<const std::string&>();
    bool known = false;
    for (std::string_view a : allowed) known |= a == s;
    if (!known) {
      errors_.push_back(catalog_error("enum_invalid", field, Msg::ErrNotAnAllowedValue, {s}));
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

}  // namespace nx::json_in
