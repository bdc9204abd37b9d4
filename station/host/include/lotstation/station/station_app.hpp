#pragma once
// The station window: SDL2 + OpenGL3 + Dear ImGui host around the station core. Returns the process exit
// code: 0, or 1 when the window could not open, the event script failed to parse, or one of its checks
// failed.
#include "lotstation/station/app_options.hpp"

namespace lotstation::station {

[[nodiscard]] int runStationApp(const AppOptions& options);

} // namespace lotstation::station
