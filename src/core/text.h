#pragma once
// Text rules that hold everywhere: valid UTF-8, lengths counted in characters (a hanzi is one).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nx::text {

// Code points in `s`, or nullopt if `s` is not valid UTF-8 (overlongs and surrogates refused).
std::optional<std::size_t> utf8_length(std::string_view s);

bool is_valid_utf8(std::string_view s);

// Leading and trailing ASCII and ideographic (U+3000) spaces removed.
std::string trim(std::string_view s);

// The code points of `s`, in order (s must be valid UTF-8).
std::u32string decode_utf8(std::string_view s);
std::string encode_utf8(std::u32string_view s);

// True for characters of the CJK Unified Ideographs blocks (incl. Extensions A to G).
bool is_cjk_ideograph(char32_t c);

}  // namespace nx::text
