# Precompiled standard headers, for builds without a compiler cache (CI's fresh machine). Every translation unit
# here first parses the same ~100,000 lines of <chrono>, <filesystem>, <expected>, <algorithm>…: measured with
# g++ 12, -std=c++23, that alone took as long as the whole front end of a typical storage source (1.7 s of CPU
# each, ~480 sources). Precompiled, formats + storage took 180 s of CPU instead of 262 s (-31 %). Where ccache
# is the compiler launcher (a developer's machine), ccache already skips unchanged sources and a precompiled
# header would defeat its direct mode, so it stays off there by default.
if(LOTSTATION_CCACHE)
  set(lotstation_pch_default OFF)
else()
  set(lotstation_pch_default ON)
endif()
option(LOTSTATION_PCH "Precompile the standard headers every source uses (on when there is no ccache)"
       ${lotstation_pch_default})

set(LOTSTATION_PCH_HEADERS
  <algorithm> <array> <chrono> <cstdint> <expected> <filesystem> <functional> <map> <memory> <optional> <set>
  <span> <string> <string_view> <unordered_map> <unordered_set> <utility> <variant> <vector>)

# lotstation_precompile(TARGET [HEADER...]): the standard headers above, and any more given, precompiled once for
# TARGET's C++ sources. For targets of several sources only: a one-file target would pay more than it saves.
function(lotstation_precompile target)
  if(LOTSTATION_PCH)
    target_precompile_headers(${target} PRIVATE ${LOTSTATION_PCH_HEADERS} ${ARGN})
    # GCC 12 loses the system-header mark of what comes from a precompiled header, and then reports its own
    # std::string inlining (char_traits.h memcpy) as -Warray-bounds, -Wstringop-overflow and
    # -Wstringop-overread: dozens of false reports, none without the PCH. Builds with ccache (no PCH) keep
    # these warnings for our own code.
    target_compile_options(${target} PRIVATE -Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread)
  endif()
endfunction()
