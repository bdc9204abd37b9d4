# Every third-party dependency is a Debian 12 package (scripts/install-deps.sh installs them); nothing is
# downloaded at build time. Each becomes an imported target here, once, so modules just link by name.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ZXing REQUIRED)                         # ZXing::ZXing — barcode decoding and GS1 writers
find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs videoio)  # camera, video and image frames
find_package(doctest REQUIRED)                       # doctest::doctest — unit tests
find_package(nlohmann_json REQUIRED)                 # nlohmann_json::nlohmann_json — sync protocol, templates
find_package(CLI11 REQUIRED)                         # CLI11::CLI11 — command line
find_package(OpenSSL REQUIRED)                       # TLS for sync

pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(ZBAR REQUIRED IMPORTED_TARGET zbar)          # peer decoder, benchmarks only
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)          # the central store in PostgreSQL
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)   # .xlsx exports and reports
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)           # reading .xlsx workbooks (zip) ...
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)             # ... and their XML parts

add_library(lotstation_opencv INTERFACE)
target_link_libraries(lotstation_opencv INTERFACE ${OpenCV_LIBS})
target_include_directories(lotstation_opencv SYSTEM INTERFACE ${OpenCV_INCLUDE_DIRS})

if(LOTSTATION_BUILD_APP)
  pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
  find_package(OpenGL REQUIRED)
endif()
