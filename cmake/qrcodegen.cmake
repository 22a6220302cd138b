# QR Code generator (Nayuki) 1.8.0, C++ part, from Debian's source package (scripts/setup
# fetches it): draws the member card's QR code in the app.
set(QRCODEGEN_DIR ${NUANXIN_THIRD_PARTY}/qrcodegen/cpp)
if(NOT EXISTS ${QRCODEGEN_DIR}/qrcodegen.cpp)
  message(FATAL_ERROR "QR Code generator source not found in ${QRCODEGEN_DIR}: run scripts/setup")
endif()
add_library(nuanxin_qrcodegen STATIC ${QRCODEGEN_DIR}/qrcodegen.cpp)
target_include_directories(nuanxin_qrcodegen SYSTEM PUBLIC ${QRCODEGEN_DIR})
