#include "ui/widgets/icons.h"

#include <cmath>
#include <initializer_list>

namespace nx::ui {

namespace {
ImVec2 at(ImVec2 c, float s, float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); }
}  // namespace

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float size, ImU32 color) {
  const float s = size / 24.0f;  // icons are designed on a 24 x 24 grid centred on (0, 0)
  const float w = 1.9f * s;      // stroke width
  switch (icon) {
    case Icon::Home: {
      const ImVec2 roof[] = {at(c, s, -9, -1), at(c, s, 0, -9), at(c, s, 9, -1)};
      dl->AddPolyline(roof, 3, color, ImDrawFlags_None, w);
      dl->AddRect(at(c, s, -6.5f, -2), at(c, s, 6.5f, 9), color, 2 * s, ImDrawFlags_None, w);
      dl->AddLine(at(c, s, -2, 9), at(c, s, -2, 3.5f), color, w);
      dl->AddLine(at(c, s, 2, 9), at(c, s, 2, 3.5f), color, w);
      dl->AddLine(at(c, s, -2, 3.5f), at(c, s, 2, 3.5f), color, w);
      break;
    }
    case Icon::Station: {  // a map pin with a water drop: a place to rest and drink
      dl->PathArcTo(at(c, s, 0, -3), 7 * s, 2.55f, 6.87f);
      dl->PathLineTo(at(c, s, 0, 10));
      dl->PathStroke(color, ImDrawFlags_Closed, w);
      dl->AddCircle(at(c, s, 0, -3), 2.6f * s, color, 0, w);
      break;
    }
    case Icon::Services: {  // a shield: protection of rights
      const ImVec2 pts[] = {at(c, s, 0, -10), at(c, s, 8, -7), at(c, s, 8, 0), at(c, s, 0, 10),
                            at(c, s, -8, 0), at(c, s, -8, -7)};
      dl->AddPolyline(pts, 6, color, ImDrawFlags_Closed, w);
      const ImVec2 tick[] = {at(c, s, -3.5f, -0.5f), at(c, s, -0.5f, 2.5f), at(c, s, 4, -3)};
      dl->AddPolyline(tick, 3, color, ImDrawFlags_None, w);
      break;
    }
    case Icon::Events: {
      dl->AddRect(at(c, s, -9, -6.5f), at(c, s, 9, 9), color, 2.5f * s, ImDrawFlags_None, w);
      dl->AddLine(at(c, s, -9, -1.5f), at(c, s, 9, -1.5f), color, w);
      dl->AddLine(at(c, s, -4.5f, -10), at(c, s, -4.5f, -4), color, w);
      dl->AddLine(at(c, s, 4.5f, -10), at(c, s, 4.5f, -4), color, w);
      dl->AddCircleFilled(at(c, s, -3.5f, 3.5f), 1.5f * s, color);
      dl->AddCircleFilled(at(c, s, 3.5f, 3.5f), 1.5f * s, color);
      break;
    }
    case Icon::Me: {
      dl->AddCircle(at(c, s, 0, -4.5f), 4.5f * s, color, 0, w);
      dl->PathArcTo(at(c, s, 0, 10), 8.5f * s, 3.3f, 6.12f);
      dl->PathStroke(color, ImDrawFlags_None, w);
      break;
    }
    case Icon::Join: {  // a card with a plus: apply for membership
      dl->AddRect(at(c, s, -10, -7), at(c, s, 10, 7), color, 2.5f * s, ImDrawFlags_None, w);
      dl->AddLine(at(c, s, 0, -3.5f), at(c, s, 0, 3.5f), color, w);
      dl->AddLine(at(c, s, -3.5f, 0), at(c, s, 3.5f, 0), color, w);
      break;
    }
    case Icon::Legal: {  // scales of justice
      dl->AddLine(at(c, s, 0, -9), at(c, s, 0, 9), color, w);
      dl->AddLine(at(c, s, -7, 9), at(c, s, 7, 9), color, w);
      dl->AddLine(at(c, s, -8, -6), at(c, s, 8, -6), color, w);
      dl->PathArcTo(at(c, s, -6, 0), 3.5f * s, 0, 3.1416f);
      dl->PathStroke(color, ImDrawFlags_Closed, w);
      dl->PathArcTo(at(c, s, 6, 0), 3.5f * s, 0, 3.1416f);
      dl->PathStroke(color, ImDrawFlags_Closed, w);
      break;
    }
    case Icon::Book: {  // an open book: 工会知识
      const ImVec2 left[] = {at(c, s, 0, -5), at(c, s, -4, -7.5f), at(c, s, -10, -7.5f), at(c, s, -10, 7),
                             at(c, s, -4, 7), at(c, s, 0, 9)};
      const ImVec2 right[] = {at(c, s, 0, -5), at(c, s, 4, -7.5f), at(c, s, 10, -7.5f), at(c, s, 10, 7),
                              at(c, s, 4, 7), at(c, s, 0, 9)};
      dl->AddPolyline(left, 6, color, ImDrawFlags_None, w);
      dl->AddPolyline(right, 6, color, ImDrawFlags_None, w);
      dl->AddLine(at(c, s, 0, -5), at(c, s, 0, 9), color, w);
      break;
    }
    case Icon::Briefcase: {  // 招聘求职
      dl->AddRect(at(c, s, -10, -4), at(c, s, 10, 9), color, 2.5f * s, ImDrawFlags_None, w);
      dl->AddRect(at(c, s, -4, -8), at(c, s, 4, -4), color, 1.5f * s, ImDrawFlags_None, w);
      dl->AddLine(at(c, s, -10, 2), at(c, s, 10, 2), color, w);
      break;
    }
    case Icon::Inbox: {  // a tray: 待办
      const ImVec2 tray[] = {at(c, s, -10, 1), at(c, s, -4, 1), at(c, s, -2.5f, 4.5f), at(c, s, 2.5f, 4.5f),
                             at(c, s, 4, 1), at(c, s, 10, 1)};
      dl->AddPolyline(tray, 6, color, ImDrawFlags_None, w);
      const ImVec2 box[] = {at(c, s, -10, 1), at(c, s, -6.5f, -8), at(c, s, 6.5f, -8), at(c, s, 10, 1),
                            at(c, s, 10, 9), at(c, s, -10, 9)};
      dl->AddPolyline(box, 6, color, ImDrawFlags_Closed, w);
      break;
    }
    case Icon::Chart: {  // bars: 统计
      dl->AddLine(at(c, s, -10, 9), at(c, s, 10, 9), color, w);
      dl->AddRect(at(c, s, -7.5f, 0), at(c, s, -3, 9), color, 1 * s, ImDrawFlags_None, w);
      dl->AddRect(at(c, s, -2.25f, -8), at(c, s, 2.25f, 9), color, 1 * s, ImDrawFlags_None, w);
      dl->AddRect(at(c, s, 3, -4), at(c, s, 7.5f, 9), color, 1 * s, ImDrawFlags_None, w);
      break;
    }
    case Icon::Visit: {  // a clipboard with lines: 走访 notes
      dl->AddRect(at(c, s, -7.5f, -8), at(c, s, 7.5f, 10), color, 2 * s, ImDrawFlags_None, w);
      dl->AddRect(at(c, s, -3.5f, -10), at(c, s, 3.5f, -6.5f), color, 1 * s, ImDrawFlags_None, w);
      dl->AddLine(at(c, s, -4, -1), at(c, s, 4, -1), color, w);
      dl->AddLine(at(c, s, -4, 3), at(c, s, 4, 3), color, w);
      dl->AddLine(at(c, s, -4, 7), at(c, s, 1, 7), color, w);
      break;
    }
    case Icon::Sun: {
      dl->AddCircle(c, 4.5f * s, color, 0, w);
      for (int i = 0; i < 8; ++i) {
        const float a = i * 3.14159f / 4;
        dl->AddLine(at(c, s, 7.5f * std::cos(a), 7.5f * std::sin(a)),
                    at(c, s, 10 * std::cos(a), 10 * std::sin(a)), color, w);
      }
      break;
    }
    case Icon::Snowflake:
      for (int i = 0; i < 3; ++i) {
        const float a = i * 3.14159f / 3 + 3.14159f / 2;
        const float dx = std::cos(a), dy = std::sin(a);
        dl->AddLine(at(c, s, -10 * dx, -10 * dy), at(c, s, 10 * dx, 10 * dy), color, w);
        for (const float end : {-1.0f, 1.0f}) {  // a small V near each tip
          const float bx = 6.5f * end * dx, by = 6.5f * end * dy;
          dl->AddLine(at(c, s, bx, by), at(c, s, bx + 3 * end * (dx - dy), by + 3 * end * (dy + dx)), color, w);
          dl->AddLine(at(c, s, bx, by), at(c, s, bx + 3 * end * (dx + dy), by + 3 * end * (dy - dx)), color, w);
        }
      }
      break;
  }
}

}  // namespace nx::ui
