#pragma once
// What the cost reports read beside each lot (storage-internal). The items are read once into a table by id
// (a handful of rows), so the per-lot queries, which run over every lot shipped or on hand (77,000 on a
// million movements), join only the lot and its kept cost and read no item text per row.
#include "../queries/query_rows.hpp"
#include "../wide_math.hpp"
#include "unit_cost_cache.hpp"

#include <string>
#include <unordered_map>

namespace lotstation::storage {

struct ReportItem {
    std::string sku;
    Uom uom = Uom::Gram;
};
using ReportItems = std::unordered_map<std::int64_t, ReportItem>;

[[nodiscard]] inline ReportItems reportItems(LedgerCore& core) {
    ReportItems items;
    auto s = core.db.cached("SELECT id, sku, uom FROM items");
    while (s.step())
        items.emplace(s.int64(0), ReportItem{s.text(1), queries::parsedOr(parseUom(s.textView(2)), Uom::Gram)});
    return items;
}

// The columns read for a lot: from `lots l` with kCachedCostJoin; readReportLot reads them from `first` on.
inline const std::string kReportLotColumns =
    "l.code, l.run_code IS NOT NULL, l.unit_cost, l.item_id, l.expiry, " + std::string(kCachedCostColumns);
inline constexpr int kReportLotColumnCount = 8;

struct ReportLot {
    LotCostRow cost; // its code is a view into the statement's row: use it before the next step()
    std::int64_t itemId = 0;
    std::string_view expiry;
};

[[nodiscard]] inline ReportLot readReportLot(const sql::CachedStatement& s, int first) {
    ReportLot lot;
    lot.cost.code = s.textView(first);
    lot.cost.produced = s.int64(first + 1) != 0;
    lot.cost.recorded = s.optInt64(first + 2);
    lot.itemId = s.int64(first + 3);
    lot.expiry = s.textView(first + 4);
    lot.cost.id = s.int64(first + 5);
    lot.cost.cached = s.int64(first + 6) != 0;
    lot.cost.cachedPerUnit = s.optInt64(first + 7);
    return lot;
}

// quantity (base units) × unit cost (micro-units per g / ml / pc), in thousandths of a micro-unit: exact.
[[nodiscard]] inline Wide exactValueMilli(std::int64_t baseUnits, Micros perUnit, Uom uom) {
    return static_cast<Wide>(baseUnits) * perUnit * (1000 / baseUnitsPerUnit(uom));
}

} // namespace lotstation::storage
