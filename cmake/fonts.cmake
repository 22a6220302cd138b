# The Chinese glyphs of the UI: Noto Sans CJK SC, subset at build time to exactly the
# characters of the message catalog (plus ASCII), and compiled into the app so the first frame
# needs no extra download. Characters from data will grow the atlas later (issue 6).
set(NUANXIN_FONT_REGULAR /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc)
set(NUANXIN_FONT_BOLD /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc)
foreach(font ${NUANXIN_FONT_REGULAR} ${NUANXIN_FONT_BOLD})
  if(NOT EXISTS ${font})
    message(FATAL_ERROR "${font} not found: run scripts/setup (package fonts-noto-cjk)")
  endif()
endforeach()

set(NUANXIN_UI_FONTS_CPP ${CMAKE_BINARY_DIR}/generated/ui_fonts.cpp)
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/generated)
add_custom_command(
  OUTPUT ${NUANXIN_UI_FONTS_CPP}
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tools/make_ui_fonts.py
          --text ${CMAKE_SOURCE_DIR}/src/core/messages/messages.inc
          --regular ${NUANXIN_FONT_REGULAR} --bold ${NUANXIN_FONT_BOLD} --font-number 2
          --out ${NUANXIN_UI_FONTS_CPP}
  DEPENDS ${CMAKE_SOURCE_DIR}/tools/make_ui_fonts.py ${CMAKE_SOURCE_DIR}/src/core/messages/messages.inc
  COMMENT "Subsetting Noto Sans CJK SC to the UI's characters"
  VERBATIM)
