#pragma once
// The demo's quality part (demo_quality.cpp): a qa person, an item checked on receipt with its spec, and two
// lots waiting in quarantine, one already inspected and failed. Returns those lots, oldest first.
#include "lotstation/storage/ledger.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace lotstation::station {

[[nodiscard]] storage::Result<std::vector<std::string>>
seedQuality(storage::Ledger& ledger, const std::function<void(std::chrono::hours)>& advance);

} // namespace lotstation::station
