#pragma once
// What the window opens before its first frame: the ledger (or a fresh demo beside it) and the camera the
// preview runs.
#include "lotstation/scan/frame_source.hpp"
#include "lotstation/station/app_options.hpp"
#include "lotstation/station/demo_seed.hpp"
#include "lotstation/storage/ledger.hpp"

#include "lotstation/core/error.hpp"
#include <optional>
#include <string>

namespace lotstation::station {

// The station's ledger. The demo never touches it: `--demo` builds a fresh demo ledger beside it
// (station.db -> station-demo.db), replacing the previous demo, and opens that.
struct OpenedLedger {
    std::optional<storage::Ledger> ledger;
    std::optional<DemoSummary> demo;
};

[[nodiscard]] Result<OpenedLedger> openLedger(const AppOptions& options);

// Which camera the preview runs: the one named by --camera ("demo" for the demo camera), else camera 0. The
// demo, on a machine with no camera, shows the demo camera instead, so a newcomer sees a scan happen; a
// scripted run never does, so its scans are only the script's.
[[nodiscard]] Result<scan::SourceSpec> cameraFor(const AppOptions& options,
                                                                     const OpenedLedger& opened);

} // namespace lotstation::station
