# Layers the build enforces (ui -> app -> core; server -> core; platform over all of the
# client). Each layer's headers are reachable only through its own include root, a folder of
# the build tree holding one link (layers/app/app -> src/app). A target sees the roots of the
# layers it links, so a wrong include (core including "app/...", the server including "ui/...")
# does not compile.
set(NUANXIN_LAYERS ${CMAKE_BINARY_DIR}/layers)

# nuanxin_layer(TARGET LAYER): TARGET is (part of) src/LAYER; it and whatever links it see
# LAYER's headers. Every target of ours is also held to -Wall -Wextra -Werror.
function(nuanxin_layer target layer)
  set(root ${NUANXIN_LAYERS}/${layer})
  if(NOT EXISTS ${root}/${layer})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${layer} ${root}/${layer} SYMBOLIC)
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_include_directories(${target} PRIVATE ${root})
  else()
    target_include_directories(${target} PUBLIC ${root})
  endif()
  nuanxin_warnings(${target})
endfunction()

# Designated initializers that leave members at their defaults ({.now_ms = now}) are how this
# code names options, so -Wextra's missing-field-initializers would only flag that style.
function(nuanxin_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wno-missing-field-initializers)
endfunction()
