#pragma once
// Pinyin initials, so that staff can find 王军 by typing wj, as every Chinese phone's contact
// list allows. Readings from Unihan (kMandarin and two modern dictionaries): a character read
// more than one way (单 dān/shàn) answers to each reading's letter. Only the basic block of
// unified ideographs (U+4E00-U+9FFF) has readings here.
#include <cstdint>
#include <string_view>
#include <vector>

namespace nx::pinyin {

// The letters `c`'s readings start with, as bits (bit 0 is a); 0 for anything else.
std::uint32_t initials(char32_t c);

// One mask a character of `text` (valid UTF-8): what matches_initials searches.
std::vector<std::uint32_t> initials_of(std::string_view text);

// True when `letters` (a-z, lower case, at least one) are the initials of consecutive
// characters of the text `masks` were made from: wj finds 王军, and jj the 建军 of 王建军.
bool matches_initials(const std::vector<std::uint32_t>& masks, std::string_view letters);

// True for a search that may be initials: nothing but the letters a-z (folded lower case).
bool looks_like_initials(std::string_view query);

}  // namespace nx::pinyin
