#pragma once
// Where the station keeps its data and finds its assets, without depending on the working directory.
#include <filesystem>

namespace lotstation::station {

// $XDG_DATA_HOME/lotstation, else ~/.local/share/lotstation (created on demand by the caller).
[[nodiscard]] std::filesystem::path userDataDir();

// The station ledger used when no --db is given.
[[nodiscard]] std::filesystem::path defaultDatabasePath();

// assets/ found relative to the running executable (installed or in a build tree), falling back to the
// source tree the binary was built from.
[[nodiscard]] std::filesystem::path findAssetsDir();

} // namespace lotstation::station
