# Emscripten's sysroot does not see /usr/include, where Debian keeps header-only libraries.
# Link just those into the build tree (never the whole /usr/include: its libc headers would
# clash with Emscripten's) and add that folder as a system include path.
set(NUANXIN_SYSINC ${CMAKE_BINARY_DIR}/sysinc)
file(MAKE_DIRECTORY ${NUANXIN_SYSINC})
foreach(entry nlohmann doctest)
  if(NOT EXISTS /usr/include/${entry})
    message(FATAL_ERROR "/usr/include/${entry} is missing: run scripts/setup")
  endif()
  if(NOT EXISTS ${NUANXIN_SYSINC}/${entry})
    file(CREATE_LINK /usr/include/${entry} ${NUANXIN_SYSINC}/${entry} SYMBOLIC)
  endif()
endforeach()
add_library(nuanxin_sysinc INTERFACE)
target_include_directories(nuanxin_sysinc SYSTEM INTERFACE ${NUANXIN_SYSINC})
