# The static files a phone downloads: the app (nuanxin.js/.wasm), the page shell, the web
# manifest and icon, each also precompressed (.br, .gz) so the server sends the smallest form
# the browser accepts.
set(NUANXIN_DIST ${CMAKE_BINARY_DIR}/dist)
file(GLOB NUANXIN_STATIC_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shell/* ${CMAKE_SOURCE_DIR}/web/*)

find_program(BROTLI brotli REQUIRED)
find_program(GZIP gzip REQUIRED)

# nuanxin_add_web_dist(APP_TARGET DIST): the app built by APP_TARGET, with the static files
# beside it, in DIST.
function(nuanxin_add_web_dist app_target dist)
  set(stamp ${CMAKE_BINARY_DIR}/${app_target}.stamp)
  # The fuller glyph font the app fetches after its first frame (tools/make_glyph_font.py),
  # made once for every dist.
  set(NUANXIN_GLYPH_FONT ${CMAKE_BINARY_DIR}/generated/glyphs-common.otf)
  get_property(glyph_font_rule GLOBAL PROPERTY NUANXIN_GLYPH_FONT_RULE)
  if(NOT glyph_font_rule)
    set_property(GLOBAL PROPERTY NUANXIN_GLYPH_FONT_RULE ON)
    add_custom_command(
      OUTPUT ${NUANXIN_GLYPH_FONT}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
      COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tools/make_glyph_font.py
              --font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number 2 --out ${NUANXIN_GLYPH_FONT}
      DEPENDS ${CMAKE_SOURCE_DIR}/tools/make_glyph_font.py ${CMAKE_SOURCE_DIR}/tools/make_ui_fonts.py
      COMMENT "Subsetting Noto Sans CJK SC to GB 2312 for glyphs that data brings"
      VERBATIM)
  endif()

  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -E copy ${NUANXIN_STATIC_SOURCES} ${NUANXIN_GLYPH_FONT} ${dist}/
    COMMAND ${CMAKE_COMMAND} -DDIST=${dist} -P ${CMAKE_SOURCE_DIR}/cmake/stamp_sw.cmake
    COMMAND ${CMAKE_COMMAND} -DDIST=${dist} -DBROTLI=${BROTLI} -DGZIP=${GZIP}
            -P ${CMAKE_SOURCE_DIR}/cmake/precompress.cmake
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${app_target} ${NUANXIN_STATIC_SOURCES} ${NUANXIN_GLYPH_FONT} ${CMAKE_SOURCE_DIR}/cmake/precompress.cmake
            ${CMAKE_SOURCE_DIR}/cmake/stamp_sw.cmake
    COMMENT "Assembling and precompressing the web app in ${dist}"
    VERBATIM)
  add_custom_target(${app_target}_dist ALL DEPENDS ${stamp})
endfunction()
