#pragma once
// Breaking a paragraph into lines as Chinese typesetting does (imgui breaks only at spaces, so
// Chinese text would be cut anywhere, a line even starting with "，"): a line may end between
// any two CJK characters or at a space between Latin words, but never just before a closing
// mark (，。、；：？！）》」) nor just after an opening one (（《「): the character next to the
// mark moves down with it.
#include <functional>
#include <string_view>
#include <vector>

namespace nx::ui {

// The lines of `text` (explicit "\n" kept as breaks), each no wider than `width` unless one
// unbreakable piece is wider (then it is cut where it overflows). `advance(c)` is the width of
// the character c. Spaces at a break are dropped.
std::vector<std::string_view> break_lines(std::string_view text, float width, const std::function<float(char32_t)>& advance);

}  // namespace nx::ui
