# cmake -DDIST=dir -P stamp_sw.cmake
# Writes the version of the app's files into DIST/sw.js, so any change to them is a new
# service worker, which the browser installs and the page offers as an update.
set(hashes "")
foreach(name index.html app.css shell.js nuanxin.js nuanxin.wasm manifest.webmanifest icon.svg config.json glyphs-common.otf)
  file(SHA256 ${DIST}/${name} h)
  string(APPEND hashes ${h})
endforeach()
string(SHA256 version "${hashes}")
string(SUBSTRING ${version} 0 16 version)
file(READ ${DIST}/sw.js sw)
string(REPLACE "@NUANXIN_SW_VERSION@" ${version} sw "${sw}")
file(WRITE ${DIST}/sw.js "${sw}")
