#include "lotstation/station/display_check.hpp"

namespace lotstation::station {
namespace {

bool set(const EnvironmentLookup& env, const char* name) {
    const char* value = env(name);
    return value && *value;
}

} // namespace

std::optional<std::string> missingDisplay(const EnvironmentLookup& env) {
    if (set(env, "DISPLAY") || set(env, "WAYLAND_DISPLAY") || set(env, "SDL_VIDEODRIVER")) return std::nullopt;
    return "there is no display here (DISPLAY and WAYLAND_DISPLAY are not set): run the window on a virtual one "
           "with `xvfb-run -a lotstation`, or use the command line (`lotstation --help`)";
}

bool soundLikely(const EnvironmentLookup& env, const std::function<bool(const std::string&)>& exists) {
    if (set(env, "SDL_AUDIODRIVER") || set(env, "PULSE_SERVER")) return true;
    if (exists("/dev/snd")) return true;
    if (const char* runtime = env("XDG_RUNTIME_DIR"); runtime && *runtime) {
        const std::string folder(runtime);
        if (exists(folder + "/pulse/native") || exists(folder + "/pipewire-0")) return true;
    }
    return false;
}

} // namespace lotstation::station
