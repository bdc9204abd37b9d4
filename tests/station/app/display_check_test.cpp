// Before the window opens: no display is one sentence pointing elsewhere; no sound card is no ALSA noise.
#include "lotstation/station/display_check.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace lotstation::station;

namespace {
EnvironmentLookup environment(std::map<std::string, std::string> values) {
    return [values = std::move(values)](const char* name) -> const char* {
        const auto found = values.find(name);
        return found == values.end() ? nullptr : found->second.c_str();
    };
}
} // namespace

TEST_CASE("display check: no DISPLAY or WAYLAND_DISPLAY is one sentence naming xvfb-run and the command line") {
    const auto why = missingDisplay(environment({{"DISPLAY", ""}}));
    REQUIRE(why);
    CHECK(why->find("xvfb-run -a lotstation") != std::string::npos);
    CHECK(why->find("lotstation --help") != std::string::npos);
    CHECK(why->find('\n') == std::string::npos);
    CHECK_FALSE(missingDisplay(environment({{"DISPLAY", ":99"}})));
    CHECK_FALSE(missingDisplay(environment({{"WAYLAND_DISPLAY", "wayland-0"}})));
    CHECK_FALSE(missingDisplay(environment({{"SDL_VIDEODRIVER", "kmsdrm"}})));
}

TEST_CASE("display check: sound is tried only where a card or a sound server is") {
    const auto none = [](const std::string&) { return false; };
    CHECK_FALSE(soundLikely(environment({}), none));
    CHECK(soundLikely(environment({}), [](const std::string& path) { return path == "/dev/snd"; }));
    CHECK(soundLikely(environment({{"XDG_RUNTIME_DIR", "/run/user/1000"}}),
                      [](const std::string& path) { return path == "/run/user/1000/pulse/native"; }));
    CHECK(soundLikely(environment({{"SDL_AUDIODRIVER", "dummy"}}), none));
}
