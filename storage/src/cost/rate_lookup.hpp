#pragma once
// The rates in force at an instant, for the cost walk (storage-internal).
#include "../ledger_core.hpp"
#include "lotstation/storage/cost_rates.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lotstation::storage {

[[nodiscard]] RateRecord readRate(const sql::CachedStatement& row); // columns: kRateColumns
inline constexpr std::string_view kRateColumns =
    "id, kind, basis, workstation, worker, uom, amount, effective_at, set_by";

// The hourly labour rate for work at `workstation` by `worker` in force at `atMs`: the most specific one
// (worker and workstation, then workstation, then worker anywhere, then anyone anywhere), latest first.
[[nodiscard]] std::optional<RateRecord> labourRateAt(LedgerCore& core, const std::optional<std::string>& workstation,
                                                     const std::optional<std::string>& worker, std::int64_t atMs);
// The latest overhead rate of each basis in force at `atMs` (per-unit: the one for `outputUom`).
[[nodiscard]] std::vector<RateRecord> overheadRatesAt(LedgerCore& core, Uom outputUom, std::int64_t atMs);

} // namespace lotstation::storage
