#pragma once
// The one place for nuanxin's look: colours, sizes and spacing (in CSS pixels).
// Light and high-contrast, so it stays readable in sunlight; a warm red as the union's accent.
#include <imgui.h>

namespace nx::ui::theme {

// Colours (0xAABBGGRR is imgui's packing; IM_COL32 keeps them readable as RGB).
inline constexpr ImU32 kBackground = IM_COL32(0xF4, 0xF5, 0xF7, 0xFF);
inline constexpr ImU32 kSurface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kBorder = IM_COL32(0xE3, 0xE5, 0xE8, 0xFF);
inline constexpr ImU32 kText = IM_COL32(0x1A, 0x1C, 0x1F, 0xFF);
inline constexpr ImU32 kTextMuted = IM_COL32(0x5B, 0x61, 0x6B, 0xFF);
inline constexpr ImU32 kAccent = IM_COL32(0xD7, 0x3A, 0x2A, 0xFF);      // union red
inline constexpr ImU32 kAccentSoft = IM_COL32(0xFD, 0xEC, 0xE9, 0xFF);
inline constexpr ImU32 kAccentPressed = IM_COL32(0xB3, 0x2C, 0x1F, 0xFF);
inline constexpr ImU32 kOk = IM_COL32(0x1E, 0x7F, 0x4F, 0xFF);
inline constexpr ImU32 kOkSoft = IM_COL32(0xE3, 0xF4, 0xEA, 0xFF);
inline constexpr ImU32 kWarn = IM_COL32(0x9A, 0x5B, 0x00, 0xFF);
inline constexpr ImU32 kWarnSoft = IM_COL32(0xFF, 0xF1, 0xD6, 0xFF);
inline constexpr ImU32 kPressedOverlay = IM_COL32(0x00, 0x00, 0x00, 0x14);

// Type sizes: the em, as CSS font-size would say it.
inline constexpr float kBodySize = 16.0f;   // DESIGN.md: base text >= 16 CSS px
inline constexpr float kSmallSize = 13.0f;  // tab labels and status chips only
inline constexpr float kTitleSize = 20.0f;

// Layout.
inline constexpr float kPadding = 16.0f;
inline constexpr float kGap = 12.0f;
inline constexpr float kRadius = 14.0f;
inline constexpr float kHeaderHeight = 56.0f;
inline constexpr float kTabBarHeight = 60.0f;
inline constexpr float kTouchTarget = 48.0f;  // DESIGN.md: touch targets >= 44 CSS px
inline constexpr float kMaxContentWidth = 720.0f;  // tablets and laptops: keep lines readable

// Applies the colours and metrics to imgui's style; `pixel_ratio` tunes anti-aliasing.
void apply(float pixel_ratio);

}  // namespace nx::ui::theme
