// Margins of shipments: revenue (quantity × the price it was sold at) − cost of goods shipped (quantity ×
// the lot's full unit cost), exact per group and rounded once.
#include "lotstation/storage/cost_reports.hpp"

#include "../queries/query_rows.hpp"
#include "../wide_math.hpp"
#include "cost_access.hpp"
#include "report_period.hpp"
#include "unit_cost_cache.hpp"

#include <map>

namespace lotstation::storage {
namespace {

struct Sums {
    std::int64_t shipments = 0;
    Wide revenue = 0; // thousandths of a micro-unit
    Wide cost = 0;
    bool revenueKnown = true;
    bool costKnown = true;
};

// quantity × (micro-units per g / ml / pc) in thousandths of a micro-unit: exact.
Wide milli(std::int64_t baseUnits, Micros perUnit, Uom uom) {
    return static_cast<Wide>(baseUnits) * perUnit * (1000 / baseUnitsPerUnit(uom));
}

std::optional<Micros> roundedMilli(Wide value) {
    return narrow(divideHalfEven(value, 1000));
}

// "2026-11": the month of a day counted from the epoch (UTC).
std::string monthOfDay(std::int64_t day) {
    return formatDate(Date{std::chrono::sys_days{std::chrono::days{day}}}).substr(0, 7);
}

} // namespace

Result<MarginGrouping> parseMarginGrouping(std::string_view text) {
    if (text == "lot") return MarginGrouping::Lot;
    if (text == "product" || text == "sku") return MarginGrouping::Product;
    if (text == "customer") return MarginGrouping::Customer;
    if (text == "month") return MarginGrouping::Month;
    return fail(ErrorKind::Invalid, "'" + std::string(text) + "': group by lot, product, customer or month");
}

Result<std::vector<MarginRow>> marginReport(const Ledger& ledger, Period period, MarginGrouping by,
                                            const Progress& progress) {
    auto range = msRange(period);
    if (!range) return std::unexpected(range.error());
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<MarginRow>> {
        // The summaries hold the shipments per lot and day (and customer), reversed ones left out, revenue
        // exact: one row per lot (and customer or day when the grouping needs them) instead of every ship
        // movement. Summed first, then joined to the lot once per group.
        const bool byCustomer = by == MarginGrouping::Customer;
        const std::string table = byCustomer ? "shipped_daily" : "shipped_lot_daily";
        const std::string extra = byCustomer ? ", customer" : by == MarginGrouping::Month ? ", day" : "";
        const auto [fromDay, toDay] = dayRange(*range);
        // All time reads the summary in its own order (by lot: no sorting); a period through its day index.
        const std::string where = period.from || period.to ? " WHERE day >= ?1 AND day < ?2" : " WHERE ?1 <= ?2";
        const std::string grouped = "SELECT lot_id, " + std::string(byCustomer ? "customer" : "''") +
                                    " AS customer, day, sum(shipments) AS shipments, sum(quantity) AS quantity, "
                                    "sum(unpriced) AS unpriced, sum(revenue) AS revenue FROM " + table + where +
                                    " GROUP BY lot_id" + extra;
        std::int64_t total = -1;
        if (progress) {
            auto count = core.db.cached("SELECT count(*) FROM (" + grouped + ")");
            count.bindAll(fromDay, toDay);
            count.step();
            total = count.int64(0);
        }
        CachedUnitCosts costs(ledger);
        ProgressTicker ticker(progress, total);
        std::map<std::string, Sums> groups;
        auto s = core.db.cached(
            "SELECT l.code, l.run_code IS NOT NULL, l.unit_cost, i.sku, i.uom, s.customer, s.day, s.shipments, "
            "s.quantity, s.unpriced, s.revenue, " + std::string(kCachedCostColumns) + " FROM (" + grouped +
            ") s JOIN lots l ON l.id = s.lot_id JOIN items i ON i.id = l.item_id" + std::string(kCachedCostJoin));
        s.bindAll(fromDay, toDay);
        while (s.step()) {
            if (!ticker.tick()) return cancelled("the margins report");
            const auto lot = s.text(0);
            const auto uom = queries::parsedOr(parseUom(s.text(4)), Uom::Gram);
            std::string key;
            switch (by) {
            case MarginGrouping::Lot:
                key = lot;
                break;
            case MarginGrouping::Product:
                key = s.text(3);
                break;
            case MarginGrouping::Customer:
                key = s.text(5);
                break;
            case MarginGrouping::Month:
                key = monthOfDay(s.int64(6));
                break;
            case MarginGrouping::Total:
                key = "total";
                break;
            }
            auto& sums = groups[key];
            sums.shipments += s.int64(7);
            const auto quantity = s.int64(8);
            if (s.int64(9) == 0)
                sums.revenue += s.int64(10);
            else
                sums.revenueKnown = false;
            const LotCostRow row{.id = s.int64(11),
                                 .code = lot,
                                 .produced = s.int64(1) != 0,
                                 .recorded = s.optInt64(2),
                                 .cached = s.int64(12) != 0,
                                 .cachedPerUnit = s.optInt64(13)};
            if (auto unitCost = costs.perUnit(row))
                sums.cost += milli(quantity, *unitCost, uom);
            else
                sums.costKnown = false;
        }
        if (!ticker.finish()) return cancelled("the margins report");
        costs.keep();
        std::vector<MarginRow> out;
        for (const auto& [key, sums] : groups) {
            MarginRow row;
            row.key = key;
            row.shipments = sums.shipments;
            if (sums.revenueKnown) row.revenue = roundedMilli(sums.revenue);
            if (sums.costKnown) row.cost = roundedMilli(sums.cost);
            if (sums.revenueKnown && sums.costKnown) {
                row.margin = roundedMilli(sums.revenue - sums.cost);
                if (sums.revenue != 0)
                    row.marginBasisPoints = narrow(divideHalfEven((sums.revenue - sums.cost) * 10'000, sums.revenue));
            }
            out.push_back(std::move(row));
        }
        return out;
    });
}

} // namespace lotstation::storage
