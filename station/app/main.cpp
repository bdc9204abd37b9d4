// A stand-in until the command line lands: with no arguments, or only the window's own flags, it opens the
// station; anything else is reported as not available yet.
#include "lotstation/station/app_options.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>
#ifdef LOTSTATION_HAS_APP
#include "station_app.hpp"
#endif

int main(int argc, char** argv) {
    lotstation::station::AppOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--demo")
            options.demo = true;
        else if (arg == "--windowed")
            options.fullscreen = false;
        else if (arg == "--fullscreen")
            options.fullscreen = true;
        else if (arg == "--events" && hasValue)
            options.eventsScript = argv[++i];
        else if (arg == "--frames" && hasValue)
            options.maxFrames = std::atol(argv[++i]);
        else if (arg == "--screenshots" && hasValue)
            options.screenshotDir = argv[++i];
        else if (arg == "--database" && hasValue)
            options.databasePath = argv[++i];
        else {
            std::fprintf(stderr, "lotstation: the command line is being built; \"%s\" is not available yet\n",
                         argv[i]);
            return 2;
        }
    }
#ifdef LOTSTATION_HAS_APP
    return lotstation::station::runStationApp(options);
#else
    std::fputs("lotstation: built without the station window (LOTSTATION_BUILD_APP=OFF)\n", stderr);
    return 2;
#endif
}
