#pragma once
// The rates in force at an instant, for the cost walk (storage-internal). Rates are few: they are read once
// into a RateBook and chosen in memory, so a report over thousands of runs asks the database once.
#include "../ledger_core.hpp"
#include "lotstation/storage/cost_rates.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lotstation::storage {

[[nodiscard]] RateRecord readRate(const sql::CachedStatement& row); // columns: kRateColumns
inline constexpr std::string_view kRateColumns =
    "id, kind, basis, workstation, worker, uom, amount, effective_at, set_by";

class RateBook {
  public:
    explicit RateBook(LedgerCore& core);

    // The hourly labour rate for work at `workstation` by `worker` in force at `atMs`: the most specific one
    // (worker and workstation, then workstation, then worker anywhere, then anyone anywhere), latest first.
    [[nodiscard]] std::optional<RateRecord> labourAt(const std::optional<std::string>& workstation,
                                                     const std::optional<std::string>& worker, std::int64_t atMs) const;
    // The latest overhead rate of each basis in force at `atMs` (per-unit: the one for `outputUom`).
    [[nodiscard]] std::vector<RateRecord> overheadAt(Uom outputUom, std::int64_t atMs) const;

  private:
    struct Entry {
        RateRecord rate;
        std::int64_t effectiveMs = 0;
    };
    std::vector<Entry> m_rates; // by id, i.e. in the order they were set
};

} // namespace lotstation::storage
