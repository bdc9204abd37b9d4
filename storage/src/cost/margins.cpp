// Margins of shipments: revenue (quantity × the price it was sold at) − cost of goods shipped (quantity ×
// the lot's full unit cost), exact per group and rounded once.
#include "lotstation/storage/cost_reports.hpp"

#include "../queries/query_rows.hpp"
#include "../wide_math.hpp"
#include "cost_access.hpp"
#include "lotstation/storage/lot_cost.hpp"
#include "report_period.hpp"

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
        std::int64_t total = -1;
        if (progress) {
            auto count = core.db.cached("SELECT count(*) FROM movements WHERE kind = 'ship' AND at_ms >= ?1 AND at_ms < ?2");
            count.bindAll(range->from, range->to);
            count.step();
            total = count.int64(0);
        }
        UnitCosts costs(ledger);
        ProgressTicker ticker(progress, total);
        std::map<std::string, Sums> groups;
        auto s = core.db.cached(
            "SELECT l.code, l.run_code IS NOT NULL, l.unit_cost, i.sku, i.uom, m.party, m.at, m.quantity, "
            "p.unit_price FROM movements m INDEXED BY movements_shipped JOIN lots l ON l.id = m.lot_id "
            "JOIN items i ON i.id = l.item_id LEFT JOIN shipment_prices p ON p.movement_id = m.id "
            "WHERE m.kind = 'ship' AND m.at_ms >= ?1 AND m.at_ms < ?2 "
            "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = m.id)");
        s.bindAll(range->from, range->to);
        while (s.step()) {
            if (!ticker.tick()) return fail(ErrorKind::Refused, "cancelled: nothing was written");
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
                key = s.optText(5).value_or("");
                break;
            case MarginGrouping::Month:
                key = s.text(6).substr(0, 7);
                break;
            }
            auto& sums = groups[key];
            ++sums.shipments;
            const auto quantity = s.int64(7);
            if (auto price = s.optInt64(8))
                sums.revenue += milli(quantity, *price, uom);
            else
                sums.revenueKnown = false;
            if (auto unitCost = costs.perUnit(lot, s.int64(1) != 0, s.optInt64(2)))
                sums.cost += milli(quantity, *unitCost, uom);
            else
                sums.costKnown = false;
        }
        if (!ticker.finish()) return fail(ErrorKind::Refused, "cancelled: nothing was written");
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
