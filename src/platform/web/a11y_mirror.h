#pragma once
// Screen readers cannot see into a canvas. After each frame whose items changed, the widget
// tree is mirrored into hidden DOM with ARIA roles and labels, each element at its item's
// place, in screen order: TalkBack and VoiceOver read it and explore it by touch, and
// activating a mirrored button taps the imgui item.
#include <string>
#include <string_view>

namespace nx::platform {

void a11y_mirror_install(std::string_view app_name);  // the name a screen reader says for the app
// `widgets_json`: window.nuanxin.widgets() of the frame just drawn.
void a11y_mirror_update(const std::string& widgets_json);

}  // namespace nx::platform
