# lotstation_module(NAME [DEPS target...])
# One static library per top-level folder: public headers in include/lotstation/<name>/, sources in src/
# (any depth). Globbing keeps each module's sources its own business.
function(lotstation_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp)
  add_library(lotstation_${name} STATIC ${sources})
  add_library(lotstation::${name} ALIAS lotstation_${name})
  target_include_directories(lotstation_${name}
    PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(lotstation_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS} lotstation_warnings)
  lotstation_precompile(lotstation_${name})
endfunction()
