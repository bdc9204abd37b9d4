// Stock valuation at a date, value at risk of expiry, and waste. On hand at a past date is today's balance
// minus what the movements after that date changed (usually far fewer than all movements).
#include "lotstation/storage/cost_reports.hpp"

#include "../queries/query_rows.hpp"
#include "../wide_math.hpp"
#include "cost_access.hpp"
#include "lotstation/storage/lot_cost.hpp"
#include "report_period.hpp"

#include <map>

namespace lotstation::storage {
namespace {

struct LotOnHand {
    ValuationRow row;
    bool produced = false;
    std::optional<Micros> recorded;
};

LotOnHand readLot(const sql::CachedStatement& s) {
    LotOnHand lot;
    lot.row.lot = s.text(0);
    lot.produced = s.int64(1) != 0;
    lot.recorded = s.optInt64(2);
    lot.row.sku = s.text(3);
    lot.row.uom = queries::parsedOr(parseUom(s.text(4)), Uom::Gram);
    lot.row.expiry = queries::optDate(s.optText(5));
    return lot;
}

constexpr std::string_view kLotColumns = "l.code, l.run_code IS NOT NULL, l.unit_cost, i.sku, i.uom, l.expiry";

// Today's on hand per lot, all locations, keyed by lot id.
std::map<std::int64_t, LotOnHand> onHandNow(LedgerCore& core, std::optional<Date> expiringBy) {
    auto s = core.db.cached(std::string("SELECT ") + std::string(kLotColumns) +
                            ", sum(b.quantity), l.id FROM balances b JOIN lots l ON l.id = b.lot_id "
                            "JOIN items i ON i.id = l.item_id WHERE ?1 IS NULL OR (l.expiry IS NOT NULL AND "
                            "l.expiry <= ?1) GROUP BY l.id");
    s.bindAll(expiringBy ? std::optional<std::string>(formatDate(*expiringBy)) : std::nullopt);
    std::map<std::int64_t, LotOnHand> out;
    while (s.step()) {
        auto lot = readLot(s);
        lot.row.quantity = s.int64(6);
        out.emplace(s.int64(7), std::move(lot));
    }
    return out;
}

Valuation priced(std::map<std::int64_t, LotOnHand>&& lots, Date at, UnitCosts& costs) {
    Valuation out;
    out.at = at;
    Wide total = 0;
    for (auto& [id, lot] : lots) {
        if (lot.row.quantity == 0) continue;
        lot.row.unitCost = costs.perUnit(lot.row.lot, lot.produced, lot.recorded);
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
        auto s = core.db.cached(std::string("SELECT ") + std::string(kLotColumns) +
                                ", sum(CASE WHEN m.to_location_id IS NOT NULL THEN m.quantity ELSE 0 END) - "
                                "sum(CASE WHEN m.from_location_id IS NOT NULL THEN m.quantity ELSE 0 END), l.id "
                                "FROM movements m INDEXED BY movements_at JOIN lots l ON l.id = m.lot_id "
                                "JOIN items i ON i.id = l.item_id WHERE m.at_ms >= ?1 GROUP BY l.id");
        s.bindAll(cutoff);
        ProgressTicker ticker(progress, -1);
        while (s.step()) {
            if (!ticker.tick()) return fail(ErrorKind::Refused, "cancelled: nothing was written");
            const auto later = s.int64(6);
            auto [found, added] = lots.try_emplace(s.int64(7), readLot(s));
            found->second.row.quantity -= later;
        }
        UnitCosts costs(ledger);
        auto out = priced(std::move(lots), date, costs);
        if (!ticker.finish()) return fail(ErrorKind::Refused, "cancelled: nothing was written");
        return out;
    });
}

Result<Valuation> valueAtRisk(const Ledger& ledger, int days) {
    if (days < 0) return fail(ErrorKind::Invalid, "days ahead cannot be negative");
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Valuation> {
        const auto today = dateOf(core.clock());
        const Date by{std::chrono::sys_days{today} + std::chrono::days{days}};
        UnitCosts costs(ledger);
        return priced(onHandNow(core, by), today, costs);
    });
}

Result<std::vector<WasteRow>> wasteReport(const Ledger& ledger, Period period) {
    auto range = msRange(period);
    if (!range) return std::unexpected(range.error());
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<WasteRow>> {
        auto s = core.db.cached(std::string("SELECT ") + std::string(kLotColumns) +
                                ", sum(m.quantity), group_concat(DISTINCT m.reason) FROM movements m "
                                "INDEXED BY movements_scrapped JOIN lots l ON l.id = m.lot_id "
                                "JOIN items i ON i.id = l.item_id WHERE m.kind = 'scrap' AND m.at_ms >= ?1 "
                                "AND m.at_ms < ?2 AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = "
                                "m.id) GROUP BY l.id ORDER BY l.code");
        s.bindAll(range->from, range->to);
        UnitCosts costs(ledger);
        std::vector<WasteRow> out;
        while (s.step()) {
            const auto lot = readLot(s);
            WasteRow row;
            row.lot = lot.row.lot;
            row.sku = lot.row.sku;
            row.uom = lot.row.uom;
            row.quantity = s.int64(6);
            row.reasons = s.optText(7).value_or("");
            if (auto unitCost = costs.perUnit(row.lot, lot.produced, lot.recorded))
                row.value = narrow(divideHalfEven(
                    static_cast<Wide>(row.quantity) * *unitCost * (1000 / baseUnitsPerUnit(row.uom)), 1000));
            out.push_back(std::move(row));
        }
        return out;
    });
}

} // namespace lotstation::storage
