// The one `lotstation` binary: the command line, and without a subcommand the station window.
#include "lotstation/station/command_line.hpp"

#ifdef LOTSTATION_HAS_APP
#include "lotstation/station/station_app.hpp"
#endif

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    lotstation::station::AppLauncher launchApp;
#ifdef LOTSTATION_HAS_APP
    launchApp = [](const lotstation::station::AppOptions& options) {
        return lotstation::station::runStationApp(options);
    };
#endif
    return lotstation::station::runCommandLine(args, {std::cout, std::cerr}, launchApp);
}
