#pragma once
// The building blocks every screen shares. Each one draws itself, reports itself to the widget
// tree with a role and a readable label, and keeps touch targets >= theme::kTouchTarget.
#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/widgets/icons.h"

namespace nx::ui {

// Text that wraps at the content width. `font` defaults to the body face.
void heading(std::string_view text);
void paragraph(std::string_view text, ImU32 color = 0, ImFont* font = nullptr);
// One line, cut to the content width with "…" (the whole text is in the widget tree): rows of a
// long list keep one height, so that only the rows on screen are drawn.
void single_line(std::string_view text, ImU32 color = 0, ImFont* font = nullptr);
// `text` cut at a character boundary, with "…", to fit `width` in `font` at `size`.
std::string fit_line(std::string_view text, ImFont* font, float size, float width);

// A white rounded card around whatever is drawn between card_begin and card_end.
void card_begin(const char* id);
void card_end();

// A small rounded status label ("在线", "即将上线").
void chip(std::string_view text, ImU32 fg, ImU32 bg);

// A pill that is on or off (a filter, one of several that combine). `first` starts a row;
// later ones flow onto the same line while they fit. Returns true when tapped.
bool toggle_chip(const char* id, std::string_view label, bool selected, bool first);
// The same pill as one choice of a row where only one can be chosen (a trade, a street, 我需要):
// a radio of the row's group to the widget tree and screen readers.
bool choice_chip(const char* id, std::string_view label, bool selected, bool first);

// A large tile with an icon above its label; returns true when tapped.
bool tile(const char* id, std::string_view label, Icon icon, ImVec2 size);

// One tab of the bottom bar; returns true when tapped.
bool tab_button(const char* id, std::string_view label, Icon icon, bool selected, ImVec2 size);

// A full-width button: filled in the union's red (primary) or outlined; false while disabled.
bool button(const char* id, std::string_view label, bool primary = true, bool enabled = true);
// A text button for secondary actions ("第一次来？注册").
bool link_button(const char* id, std::string_view label);

// A row of mutually exclusive choices, as wide as the current item width; returns the index
// tapped, or -1.
int segmented(const char* id, const std::string_view* labels, int count, int selected);

// A QR code of `payload`, at most `size` px square (whole device pixels per module), reported
// to the widget tree as an image named `label`. Returns the side drawn.
float qr_code(std::string_view payload, float size, std::string_view label);

// Which on-screen keyboard a text field wants (the platform sets inputmode from it).
enum class Keyboard { Text, Numeric, Phone, Pin, Password };

// A labelled text field, full width, 48 px tall; `hint` shows while it is empty. Returns true
// when the value changed this frame. The value is kept within `max_bytes`.
bool text_field(const char* id, std::string_view label, std::string_view hint, std::string& value,
                Keyboard keyboard = Keyboard::Text, std::size_t max_bytes = 200);
// The keyboard of the field being edited (meaningful while imgui wants text input).
Keyboard active_keyboard();

// Sets the fringe of anti-aliased edges to one device pixel for the current window, so
// shapes are as sharp as the text on a high-DPI screen.
void sharpen_current_window();

}  // namespace nx::ui
