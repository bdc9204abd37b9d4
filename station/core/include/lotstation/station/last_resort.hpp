#pragma once
// The window's last-resort guard. Expected failures are values (lotstation::Error) shown by the workflows;
// this is for the unexpected: a step of a frame (applying an intent, drawing the screen) that throws becomes
// a red flash and one line on the log (stderr in the window), never a crash. The station stays usable.
#include "lotstation/station/station.hpp"

#include <functional>
#include <iosfwd>
#include <string_view>

namespace lotstation::station {

// Runs `step` and returns its effects; when it throws, logs "lotstation: unexpected error while <doing>:
// <what>" and returns the effects of the red flash that says so.
Effects lastResort(Station& station, std::ostream& log, std::string_view doing,
                   const std::function<Effects()>& step, TimePoint now) noexcept;

} // namespace lotstation::station
