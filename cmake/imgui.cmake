# Dear ImGui 1.90.1 from Debian's source package (scripts/setup fetches it), compiled here.
set(IMGUI_DIR ${NUANXIN_THIRD_PARTY}/imgui)
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui source not found in ${IMGUI_DIR}: run scripts/setup")
endif()

add_library(nuanxin_imgui STATIC
  ${IMGUI_DIR}/imgui.cpp
  ${IMGUI_DIR}/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(nuanxin_imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
# Every option lives in one config header (see src/ui/imconfig_nuanxin.h).
target_compile_definitions(nuanxin_imgui PUBLIC
  IMGUI_USER_CONFIG="${CMAKE_SOURCE_DIR}/src/ui/imconfig_nuanxin.h"
  IMGUI_IMPL_OPENGL_ES3)
# The backend's state queries block on the GPU process in WebGL; it asks them of what the
# platform already knows instead (src/platform/web/gl_known_state.cpp says why that holds).
set_source_files_properties(${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp PROPERTIES COMPILE_DEFINITIONS
  "glGetIntegerv=nx_gl_known_integerv;glIsEnabled=nx_gl_known_is_enabled")
