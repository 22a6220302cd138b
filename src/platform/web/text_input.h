#pragma once
// The phone's keyboard for imgui text fields: a hidden <textarea> placed at the caret takes
// focus when a field is being edited, so the on-screen keyboard opens and the IME works.
// Typed and pasted text, committed IME compositions (the pinyin being composed is shown by
// the browser in the textarea, never inserted half-done), and editing keys reach imgui.
#include "ui/widgets/widgets.h"

namespace nx::platform {

void text_input_install();

// After each frame: opens, moves or closes the keyboard to match what imgui wants.
void text_input_sync(nx::ui::Keyboard keyboard);

}  // namespace nx::platform
