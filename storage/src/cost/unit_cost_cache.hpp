#pragma once
// Full unit costs for the reports (storage-internal): a produced lot's cached cost (lot_unit_costs) when
// nothing it depends on is listed in lot_cost_changes since it was stored, else reckoned as lot_cost.hpp
// reckons it; keep() stores what was reckoned and drops the changes it has taken into account. The report
// queries read the cache row beside each lot (kCachedCostJoin / kCachedCostColumns).
#include "../ledger_core.hpp"
#include "lotstation/storage/lot_cost.hpp"

#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace lotstation::storage {

// Joined to `lots l` in a report query; the columns are the lot's id, whether a cached row exists, its value.
inline constexpr std::string_view kCachedCostJoin = " LEFT JOIN lot_unit_costs c ON c.lot_id = l.id ";
inline constexpr std::string_view kCachedCostColumns = "l.id, c.lot_id IS NOT NULL, c.per_unit";

struct LotCostRow {
    std::int64_t id = 0;
    std::string_view code;
    bool produced = false;
    std::optional<Micros> recorded; // a received lot's unit cost
    bool cached = false;
    std::optional<Micros> cachedPerUnit;
};

class CachedUnitCosts {
  public:
    explicit CachedUnitCosts(const Ledger& ledger);
    [[nodiscard]] std::optional<Micros> perUnit(const LotCostRow& lot);
    // Stores the costs reckoned since construction (best effort: a read-only or busy ledger keeps none).
    void keep();

  private:
    LedgerCore& m_core;
    UnitCosts m_live;
    std::int64_t m_lastChange = 0; // the changes up to here are accounted for by this object
    bool m_everything = false;     // a rate changed: no cached cost is trusted
    std::unordered_set<std::int64_t> m_stale;
    std::vector<std::pair<std::int64_t, std::optional<Micros>>> m_reckoned;
};

} // namespace lotstation::storage
