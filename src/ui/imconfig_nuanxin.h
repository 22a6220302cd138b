#pragma once
// The one place Dear ImGui is configured for nuanxin (passed as IMGUI_USER_CONFIG).

// Names may hold characters beyond the Basic Multilingual Plane (CJK Extension B and later).
#define IMGUI_USE_WCHAR32
// The item hooks feed the widget tree (src/ui/widget_tree.cpp) that tests and screen readers use.
#define IMGUI_ENABLE_TEST_ENGINE
// A phone app: no demo, no debug windows, no ini files, no built-in bitmap font.
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
#define IMGUI_DISABLE_FILE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
