#pragma once
// Reading untrusted JSON without ever throwing past this point: parsing with limits, and a
// Reader that takes typed fields out of an object and collects one Error per bad field.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/errors.h"

namespace nx::json_in {

struct Limits {
  std::size_t max_bytes = 1 << 20;
  int max_depth = 16;
  std::size_t max_string_bytes = 64 * 1024;
};

// Parses `text` as JSON within `limits`: size, nesting, string length, valid UTF-8, no NUL
// character and no key twice in one object. Never throws.
Result<nlohmann::json> parse(std::string_view text, const Limits& limits = {});

// The deepest nesting of arrays/objects in `j` (a scalar is 0).
int depth(const nlohmann::json& j);

class Reader {
 public:
  // `object` must outlive the reader. A non-object records one error for `context`.
  explicit Reader(const nlohmann::json& object, std::string context = "");
  Reader(const nlohmann::json&& temporary, std::string context = "") = delete;  // it would dangle

  bool has(const std::string& field) const;

  // Strings: trimmed of nothing, checked for UTF-8 and length in characters.
  std::optional<std::string> str(const std::string& field, std::size_t max_chars = 200);
  std::string required_str(const std::string& field, std::size_t max_chars = 200);

  std::optional<std::int64_t> int_in(const std::string& field, std::int64_t min, std::int64_t max);
  std::optional<double> number_in(const std::string& field, double min, double max);
  std::optional<bool> boolean(const std::string& field);

  // One of `allowed` (e.g. {"delivery", "courier"}).
  std::optional<std::string> one_of(const std::string& field, std::span<const std::string_view> allowed);

  // Shapes checked by core/validate.
  std::optional<std::string> date(const std::string& field);
  std::optional<std::string> datetime(const std::string& field);
  std::optional<std::string> time_of_day(const std::string& field);
  std::optional<std::string> uuid(const std::string& field);
  std::optional<std::string> phone(const std::string& field);  // returned normalized

  // The same, for a field that must be there: "" and a "required" error when it is absent
  // (a present but malformed value gets only its own error).
  std::string required_date(const std::string& field);
  std::string required_datetime(const std::string& field);
  std::string required_time_of_day(const std::string& field);
  std::string required_uuid(const std::string& field);

  // Arrays of strings, each one of `allowed` (duplicates are removed, order kept).
  std::optional<std::vector<std::string>> string_set(const std::string& field, std::span<const std::string_view> allowed);

  void require(const std::string& field);
  void add(Error e) { errors_.push_back(std::move(e)); }
  bool ok() const { return errors_.empty(); }
  const Errors& errors() const { return errors_; }
  Errors take_errors() { return std::move(errors_); }

 private:
  const nlohmann::json* get(const std::string& field) const;
  void type_error(const std::string& field, Msg expected);  // "应为{expected}"

  const nlohmann::json& object_;
  std::string context_;
  Errors errors_;
};

}  // namespace nx::json_in
