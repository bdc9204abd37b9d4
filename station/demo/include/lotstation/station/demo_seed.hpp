#pragma once
// A small soap maker's month, recorded through the real ledger: suppliers and their lots, a soap base made
// from oils and lye, two kinds of bars made from the base, shipments to three customers, a lot on hold and a
// lot about to expire, and two lots waiting for QC (demo_quality.cpp). Used by `lotstation demo`, `lotstation --demo` and the tests' story.
#include "lotstation/storage/ledger.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace lotstation::station {

struct DemoSummary {
    std::vector<std::string> receivedLots; // in the order received
    std::vector<std::string> producedLots; // soap base first, then bars
    std::vector<std::string> runs;
    std::vector<std::string> quarantinedLots; // shea butter waiting for QC, oldest (inspected, failed) first
    std::int64_t movements = 0;
};

// Creates a fresh demo ledger at `path` (an existing file there is replaced) whose history ends at `now`.
[[nodiscard]] storage::Result<DemoSummary> createDemoLedger(const std::filesystem::path& path,
                                                            storage::Timestamp now);

} // namespace lotstation::station
