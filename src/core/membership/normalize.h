#pragma once
// Folding the ways people type the same name, so "美团 " and "美团有限公司" and "ＭＥＩＴＵＡＮ" can be
// recognised as one employer. Used for matching only; records keep what people typed.
#include <string>
#include <string_view>

namespace nx::membership {

// Trimmed, full-width forms made half-width (Ａ→a, （→(), ASCII lower-cased, every space removed
// (pinyin IMEs and copy-paste scatter them). Invalid UTF-8 bytes become U+FFFD.
std::string fold_text(std::string_view s);

// fold_text, then legal-form suffixes removed (股份有限公司, 有限责任公司, 有限公司, 公司, Co., Ltd.,
// Inc., ...), repeatedly, never down to nothing. A branch (分公司) keeps its suffix: a branch is
// not its head office. Brackets stay: "顺丰(南京)" is not "顺丰(泰州)".
std::string normalize_employer(std::string_view s);

// fold_text, with the middle dots of minority names (· ・ • ‧ and a typed ".") made one.
std::string normalize_person_name(std::string_view s);

}  // namespace nx::membership
