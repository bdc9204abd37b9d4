#pragma once
// Before the window opens: is there a screen to open it on, and a sound card to beep through? A machine
// without a display (a server, an SSH session) gets one sentence saying what to do instead of an invisible
// window; a machine without sound gets no wall of ALSA complaints. The environment is passed in, so tests can
// ask without changing their own.
#include <functional>
#include <optional>
#include <string>

namespace lotstation::station {

using EnvironmentLookup = std::function<const char*(const char*)>; // getenv, or a test's table

// Why the window cannot open here, as the one sentence to print; nothing when a display is set (X11's
// DISPLAY, WAYLAND_DISPLAY, or an SDL video driver chosen on purpose, e.g. kmsdrm on a kiosk).
[[nodiscard]] std::optional<std::string> missingDisplay(const EnvironmentLookup& env);

// Whether a sound system is likely to answer: a sound card (/dev/snd), a PulseAudio or PipeWire socket, or
// an SDL audio driver chosen on purpose. `exists` checks a path.
[[nodiscard]] bool soundLikely(const EnvironmentLookup& env, const std::function<bool(const std::string&)>& exists);

} // namespace lotstation::station
