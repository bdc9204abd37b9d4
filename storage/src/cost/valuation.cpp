// Stock valuation at a date, value at risk of expiry, and waste. On hand at a past date is today's balance
// minus what the movements after that date changed (usually far fewer than all movements).
#include "lotstation/storage/cost_reports.hpp"

#include "../queries/query_rows.hpp"
#include "../wide_math.hpp"
#include "cost_access.hpp"
#include "report_period.hpp"
#include "unit_cost_cache.hpp"

#include <map>

namespace lotstation::storage {
namespace {

struct LotOnHand {
    ValuationRow row;
    bool produced = false;
    std::optional<Micros> recorded;
    std::int64_t id = 0;
    bool cached = false;
    std::optional<Micros> cachedPerUnit;

    [[nodiscard]] LotCostRow costRow() const { return {id, row.lot, produced, recorded, cached, cachedPerUnit}; }
};

// Reads kLotColumns (the first 9 columns of the statement).
LotOnHand readLot(const sql::CachedStatement& s) {
    LotOnHand lot;
    lot.row.lot = s.text(0);
    lot.produced = s.int64(1) != 0;
    lot.recorded = s.optInt64(2);
    lot.row.sku = s.text(3);
    lot.row.uom = queries::parsedOr(parseUom(s.text(4)), Uom::Gram);
    lot.row.expiry = queries::optDate(s.optText(5));
    lot.id = s.int64(6);
    lot.cached = s.int64(7) != 0;
    lot.cachedPerUnit = s.optInt64(8);
    return lot;
}

const std::string kLotColumns =
    "l.code, l.run_code IS NOT NULL, l.unit_cost, i.sku, i.uom, l.expiry, " + std::string(kCachedCostColumns);
// lots l and items i, with the cached cost.
const std::string kLotJoins = "JOIN lots l ON l.id = {}.lot_id JOIN items i ON i.id = l.item_id" + std::string(kCachedCostJoin);

std::string lotJoins(std::string_view alias) {
    std::string out = kLotJoins;
    out.replace(out.find("{}"), 2, alias);
    return out;
}

// Today's on hand per lot, all locations, keyed by lot id.
std::map<std::int64_t, LotOnHand> onHandNow(LedgerCore& core, std::optional<Date> expiringBy) {
    // Summed per lot first (balances are keyed by lot), then joined once per lot.
    auto s = core.db.cached("SELECT " + kLotColumns + ", b.quantity FROM (SELECT lot_id, sum(quantity) AS quantity "
                            "FROM balances GROUP BY lot_id) b " + lotJoins("b") +
                            "WHERE ?1 IS NULL OR (l.expiry IS NOT NULL AND l.expiry <= ?1)");
    s.bindAll(expiringBy ? std::optional<std::string>(formatDate(*expiringBy)) : std::nullopt);
    std::map<std::int64_t, LotOnHand> out;
    while (s.step()) {
        auto lot = readLot(s);
        lot.row.quantity = s.int64(9);
        out.emplace(lot.id, std::move(lot));
    }
    return out;
}

Valuation priced(std::map<std::int64_t, LotOnHand>&& lots, Date at, CachedUnitCosts& costs) {
    Valuation out;
    out.at = at;
    Wide total = 0;
    for (auto& [id, lot] : lots) {
        if (lot.row.quantity == 0) continue;
        lot.row.unitCost = costs.perUnit(lot.costRow());
        if (lot.row.unitCost) {
            const Wide exact = static_cast<Wide>(lot.row.quantity) * *lot.row.unitCost *
                               (1000 / baseUnitsPerUnit(lot.row.uom));
            total += exact;
            lot.row.value = narrow(divideHalfEven(exact, 1000));
        } else {
            ++out.unknownLots;
        }
        out.lots.push_back(std::move(lot.row));
    }
    out.total = narrow(divideHalfEven(total, 1000)).value_or(0);
    costs.keep();
    return out;
}

} // namespace

Result<Valuation> stockValuation(const Ledger& ledger, std::optional<Date> at, const Progress& progress) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Valuation> {
        const auto today = dateOf(core.clock());
        const auto date = at.value_or(today);
        auto lots = onHandNow(core, std::nullopt);
        const auto cutoff = endOfDayMs(date);
        // Undo what happened after the date: a movement's to-location gained, its from-location lost.
        auto s = core.db.cached("SELECT " + kLotColumns +
                                ", sum(CASE WHEN m.to_location_id IS NOT NULL THEN m.quantity ELSE 0 END) - "
                                "sum(CASE WHEN m.from_location_id IS NOT NULL THEN m.quantity ELSE 0 END) "
                                "FROM movements m INDEXED BY movements_at " + lotJoins("m") +
                                "WHERE m.at_ms >= ?1 GROUP BY m.lot_id");
        s.bindAll(cutoff);
        ProgressTicker ticker(progress, -1);
        while (s.step()) {
            if (!ticker.tick()) return cancelled("the valuation");
            const auto later = s.int64(9);
            auto [found, added] = lots.try_emplace(s.int64(6), readLot(s));
            found->second.row.quantity -= later;
        }
        CachedUnitCosts costs(ledger);
        auto out = priced(std::move(lots), date, costs);
        if (!ticker.finish()) return cancelled("the valuation");
        return out;
    });
}

Result<Valuation> valueAtRisk(const Ledger& ledger, int days) {
    if (days < 0) return fail(ErrorKind::Invalid, "days ahead cannot be negative");
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Valuation> {
        const auto today = dateOf(core.clock());
        const Date by{std::chrono::sys_days{today} + std::chrono::days{days}};
        CachedUnitCosts costs(ledger);
        return priced(onHandNow(core, by), today, costs);
    });
}

Result<std::vector<WasteRow>> wasteReport(const Ledger& ledger, Period period) {
    auto range = msRange(period);
    if (!range) return std::unexpected(range.error());
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<WasteRow>> {
        auto s = core.db.cached("SELECT " + kLotColumns +
                                ", sum(m.quantity), group_concat(DISTINCT m.reason) FROM movements m "
                                "INDEXED BY movements_scrapped " + lotJoins("m") +
                                "WHERE m.kind = 'scrap' AND m.at_ms >= ?1 "
                                "AND m.at_ms < ?2 AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = "
                                "m.id) GROUP BY l.id ORDER BY l.code");
        s.bindAll(range->from, range->to);
        CachedUnitCosts costs(ledger);
        std::vector<WasteRow> out;
        while (s.step()) {
            const auto lot = readLot(s);
            WasteRow row;
            row.lot = lot.row.lot;
            row.sku = lot.row.sku;
            row.uom = lot.row.uom;
            row.quantity = s.int64(9);
            row.reasons = s.optText(10).value_or("");
            if (auto unitCost = costs.perUnit(lot.costRow()))
                row.value = narrow(divideHalfEven(
                    static_cast<Wide>(row.quantity) * *unitCost * (1000 / baseUnitsPerUnit(row.uom)), 1000));
            out.push_back(std::move(row));
        }
        costs.keep();
        return out;
    });
}

} // namespace lotstation::storage
