// Stock valuation at a date, value at risk of expiry, and waste. On hand at a past date is today's balance
// minus what the movements after that date changed (usually far fewer than all movements).
#include "lotstation/storage/cost_reports.hpp"

#include "cost_access.hpp"
#include "report_lots.hpp"
#include "report_period.hpp"

#include <algorithm>

namespace lotstation::storage {
namespace {

struct LotOnHand {
    std::int64_t id = 0;
    ValuationRow row;
};

// A lot's row from kReportLotColumns at `first`, its unit cost reckoned (or kept) while its code is at hand;
// empty when its item is not known (as a join to items would leave it out).
std::optional<LotOnHand> readLot(const sql::CachedStatement& s, int first, const ReportItems& items,
                                 CachedUnitCosts& costs) {
    const auto lot = readReportLot(s, first);
    const auto item = items.find(lot.itemId);
    if (item == items.end()) return std::nullopt;
    LotOnHand out;
    out.id = lot.cost.id;
    out.row.lot = lot.cost.code;
    out.row.sku = item->second.sku;
    out.row.uom = item->second.uom;
    if (!lot.expiry.empty())
        if (auto date = parseDate(lot.expiry)) out.row.expiry = *date;
    out.row.unitCost = costs.perUnit(lot.cost);
    return out;
}

// Today's on hand per lot, all locations (lot_on_hand, kept from balances by triggers), in lot id order.
std::vector<LotOnHand> onHandNow(LedgerCore& core, std::optional<Date> expiringBy, const ReportItems& items,
                                 CachedUnitCosts& costs) {
    auto s = core.db.cached("SELECT h.quantity, " + kReportLotColumns + " FROM lot_on_hand h JOIN lots l ON "
                            "l.id = h.lot_id" + std::string(kCachedCostJoin) +
                            "WHERE ?1 IS NULL OR (l.expiry IS NOT NULL AND l.expiry <= ?1) ORDER BY h.lot_id");
    s.bindAll(expiringBy ? std::optional<std::string>(formatDate(*expiringBy)) : std::nullopt);
    std::vector<LotOnHand> out;
    {
        auto count = core.db.cached("SELECT count(*) FROM lot_on_hand");
        if (count.step()) out.reserve(static_cast<std::size_t>(count.int64(0)));
    }
    while (s.step()) {
        auto lot = readLot(s, 1, items, costs);
        if (!lot) continue;
        lot->row.quantity = s.int64(0);
        out.push_back(std::move(*lot));
    }
    return out;
}

Valuation priced(std::vector<LotOnHand>&& lots, Date at, CachedUnitCosts& costs) {
    Valuation out;
    out.at = at;
    out.lots.reserve(lots.size());
    Wide total = 0;
    for (auto& lot : lots) {
        if (lot.row.quantity == 0) continue;
        if (lot.row.unitCost) {
            const Wide exact = exactValueMilli(lot.row.quantity, *lot.row.unitCost, lot.row.uom);
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
        const auto items = reportItems(core);
        CachedUnitCosts costs(ledger);
        auto lots = onHandNow(core, std::nullopt, items, costs);
        const auto cutoff = endOfDayMs(date);
        // Undo what happened after the date: a movement's to-location gained, its from-location lost.
        auto s = core.db.cached("SELECT m.lot_id, "
                                "sum(CASE WHEN m.to_location_id IS NOT NULL THEN m.quantity ELSE 0 END) - "
                                "sum(CASE WHEN m.from_location_id IS NOT NULL THEN m.quantity ELSE 0 END) "
                                "FROM movements m INDEXED BY movements_at WHERE m.at_ms >= ?1 GROUP BY m.lot_id "
                                "ORDER BY m.lot_id");
        s.bindAll(cutoff);
        ProgressTicker ticker(progress, -1);
        std::vector<std::pair<std::int64_t, std::int64_t>> notOnHandNow; // lot id, what it had at the date
        const auto byId = [](const LotOnHand& lot, std::int64_t id) { return lot.id < id; };
        while (s.step()) {
            if (!ticker.tick()) return cancelled("the valuation");
            const auto id = s.int64(0);
            const auto later = s.int64(1);
            const auto found = std::lower_bound(lots.begin(), lots.end(), id, byId);
            if (found != lots.end() && found->id == id)
                found->row.quantity -= later;
            else
                notOnHandNow.emplace_back(id, -later);
        }
        if (!notOnHandNow.empty()) {
            const auto onHand = static_cast<std::ptrdiff_t>(lots.size());
            for (const auto& [id, quantity] : notOnHandNow) {
                auto one = core.db.cached("SELECT " + kReportLotColumns + " FROM lots l" +
                                          std::string(kCachedCostJoin) + "WHERE l.id = ?1");
                one.bindAll(id);
                if (!one.step()) continue;
                auto lot = readLot(one, 0, items, costs);
                if (!lot) continue;
                lot->row.quantity = quantity;
                lots.push_back(std::move(*lot));
            }
            // notOnHandNow came in lot id order (GROUP BY): merge it in.
            std::inplace_merge(lots.begin(), lots.begin() + onHand, lots.end(),
                               [](const auto& a, const auto& b) { return a.id < b.id; });
        }
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
        const auto items = reportItems(core);
        CachedUnitCosts costs(ledger);
        return priced(onHandNow(core, by, items, costs), today, costs);
    });
}

Result<std::vector<WasteRow>> wasteReport(const Ledger& ledger, Period period) {
    auto range = msRange(period);
    if (!range) return std::unexpected(range.error());
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<WasteRow>> {
        auto s = core.db.cached("SELECT " + kReportLotColumns +
                                ", sum(m.quantity), group_concat(DISTINCT m.reason) FROM movements m "
                                "INDEXED BY movements_scrapped JOIN lots l ON l.id = m.lot_id" +
                                std::string(kCachedCostJoin) +
                                "WHERE m.kind = 'scrap' AND m.at_ms >= ?1 "
                                "AND m.at_ms < ?2 AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = "
                                "m.id) GROUP BY l.id ORDER BY l.code");
        s.bindAll(range->from, range->to);
        const auto items = reportItems(core);
        CachedUnitCosts costs(ledger);
        std::vector<WasteRow> out;
        while (s.step()) {
            auto lot = readLot(s, 0, items, costs);
            if (!lot) continue;
            WasteRow row;
            row.lot = std::move(lot->row.lot);
            row.sku = std::move(lot->row.sku);
            row.uom = lot->row.uom;
            row.quantity = s.int64(kReportLotColumnCount);
            row.reasons = s.optText(kReportLotColumnCount + 1).value_or("");
            if (lot->row.unitCost)
                row.value = narrow(divideHalfEven(exactValueMilli(row.quantity, *lot->row.unitCost, row.uom), 1000));
            out.push_back(std::move(row));
        }
        costs.keep();
        return out;
    });
}

} // namespace lotstation::storage
