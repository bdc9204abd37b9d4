#include "lotstation/station/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace lotstation::station {

std::filesystem::path userDataDir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0')
        return std::filesystem::path(xdg) / "lotstation";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return std::filesystem::path(home) / ".local" / "share" / "lotstation";
    return std::filesystem::current_path() / ".lotstation";
}

std::filesystem::path defaultDatabasePath() {
    return userDataDir() / "station.db";
}

std::filesystem::path findAssetsDir() {
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        // Installed: <prefix>/bin/lotstation with <prefix>/share/lotstation/assets; build tree:
        // build/station/.
        for (const auto& candidate :
             {exe.parent_path() / "assets", exe.parent_path() / "../share/lotstation/assets",
              exe.parent_path() / "../../assets", exe.parent_path() / "../assets"}) {
            if (std::filesystem::is_directory(candidate, error))
                return std::filesystem::weakly_canonical(candidate);
        }
    }
    return LOTSTATION_SOURCE_ASSETS_DIR;
}

} // namespace lotstation::station
