#pragma once
// The `lotstation` command line: every subcommand of the one binary. Without a subcommand it launches the
// station window through the launcher it is given (the ImGui layer lives in the executable, not here).
#include "lotstation/station/app_options.hpp"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace lotstation::station {

using AppLauncher = std::function<int(const AppOptions&)>;

struct CommandLineIo {
    std::ostream& out;
    std::ostream& err;
};

// args excludes the program name. Returns the process exit code: 0 success, 1 a refused or failed command
// (the reason on err), 2 a usage error.
[[nodiscard]] int runCommandLine(const std::vector<std::string>& args, CommandLineIo io,
                                 const AppLauncher& launchApp);

} // namespace lotstation::station
