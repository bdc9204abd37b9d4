#pragma once
// Ledger::verify() for a large ledger: the same checks, telling how far they are (movements checked, twice:
// balances then chains) and stopping when asked ("verify cancelled"). verify() writes nothing either way.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/progress.hpp"

#include <vector>

namespace lotstation::storage {

[[nodiscard]] Result<std::vector<Finding>> verifyLedger(const Ledger& ledger, const Progress& progress);

} // namespace lotstation::storage
