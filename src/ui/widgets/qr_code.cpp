// The member card's QR code, drawn module by module: black on white with the standard quiet
// zone, so a scanner reads it on a cheap screen in sunlight.
#include <cmath>

#include <qrcodegen.hpp>

#include "ui/theme.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {
// Encoding is the costly part; a screen shows one code, drawn every frame.
const qrcodegen::QrCode& encoded(std::string_view payload) {
  static std::string last;
  static qrcodegen::QrCode code = qrcodegen::QrCode::encodeText("", qrcodegen::QrCode::Ecc::MEDIUM);
  if (payload != last) {
    last = std::string(payload);
    code = qrcodegen::QrCode::encodeText(last.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
  }
  return code;
}
}  // namespace

float qr_code(std::string_view payload, float size, std::string_view label) {
  const qrcodegen::QrCode& code = encoded(payload);
  constexpr int kQuiet = 4;  // modules of white around the code, as the standard asks
  const int n = code.getSize();
  const float module = std::floor(size / (n + 2 * kQuiet) * ImGui::GetIO().DisplayFramebufferScale.x) /
                       ImGui::GetIO().DisplayFramebufferScale.x;  // whole device pixels: crisp edges
  const float side = module * (n + 2 * kQuiet);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, ImVec2(min.x + side, min.y + side), IM_COL32_WHITE);
  const ImVec2 origin(min.x + kQuiet * module, min.y + kQuiet * module);
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n;) {  // one rectangle per run of dark modules
      if (!code.getModule(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < n && code.getModule(end, y)) ++end;
      dl->AddRectFilled(ImVec2(origin.x + x * module, origin.y + y * module),
                        ImVec2(origin.x + end * module, origin.y + (y + 1) * module), IM_COL32_BLACK);
      x = end;
    }
  }
  ImGui::Dummy(ImVec2(side, side));
  widget_tree::add_item(Role::Image, label, min, ImVec2(min.x + side, min.y + side));
  return side;
}

}  // namespace nx::ui
