# cmake -DDIST=dir -DBROTLI=path -DGZIP=path -P precompress.cmake
# Writes name.br and name.gz beside every compressible file of DIST.
file(GLOB files ${DIST}/*.html ${DIST}/*.js ${DIST}/*.wasm ${DIST}/*.css ${DIST}/*.svg
     ${DIST}/*.webmanifest ${DIST}/*.json ${DIST}/*.ttf ${DIST}/*.otf)
foreach(f ${files})
  execute_process(COMMAND ${BROTLI} -f -q 11 -o ${f}.br ${f} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "brotli failed on ${f}")
  endif()
  execute_process(COMMAND ${GZIP} -9 -n -k -f ${f} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "gzip failed on ${f}")
  endif()
endforeach()
