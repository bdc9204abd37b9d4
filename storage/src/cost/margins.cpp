// Margins of shipments: revenue (quantity × the price it was sold at) − cost of goods shipped (quantity ×
// the lot's full unit cost), exact per group and rounded once.
#include "lotstation/storage/cost_reports.hpp"

#include "cost_access.hpp"
#include "report_lots.hpp"
#include "report_period.hpp"

#include <algorithm>
#include <unordered_map>

namespace lotstation::storage {
namespace {

struct Sums {
    std::int64_t shipments = 0;
    Wide revenue = 0; // thousandths of a micro-unit
    Wide cost = 0;
    bool revenueKnown = true;
    bool costKnown = true;
};

std::optional<Micros> roundedMilli(Wide value) {
    return narrow(divideHalfEven(value, 1000));
}

// "2026-11": the month of a day counted from the epoch (UTC).
std::string monthOfDay(std::int64_t day) {
    return formatDate(Date{std::chrono::sys_days{std::chrono::days{day}}}).substr(0, 7);
}

// The same month as one integer (year × 12 + month), to group by without formatting every row.
std::int64_t monthIndex(std::int64_t day) {
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
    return static_cast<std::int64_t>(static_cast<int>(date.year())) * 12 + static_cast<unsigned>(date.month());
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
        // exact: one row per lot and day (and customer) instead of every ship movement, each beside its lot
        // and kept cost. Grouped here by an integer (lot, item or month; the customer's code) and named once
        // per group: sums of exact integers, so the order of adding changes nothing.
        const bool byCustomer = by == MarginGrouping::Customer;
        const std::string table = byCustomer ? "shipped_daily" : "shipped_lot_daily";
        const auto [fromDay, toDay] = dayRange(*range);
        // All time reads the summary in its own order (by lot); a period through its day index.
        const std::string where =
            period.from || period.to ? " WHERE s.day >= ?1 AND s.day < ?2" : " WHERE ?1 <= ?2";
        std::int64_t total = -1;
        if (progress) {
            auto count = core.db.cached("SELECT count(*) FROM " + table + " s" + where);
            count.bindAll(fromDay, toDay);
            count.step();
            total = count.int64(0);
        }
        const auto items = reportItems(core);
        CachedUnitCosts costs(ledger);
        ProgressTicker ticker(progress, total);
        std::unordered_map<std::int64_t, std::size_t> byId;
        std::unordered_map<std::string, std::size_t> byName;
        std::vector<std::pair<std::string, Sums>> groups;
        std::int64_t lastId = 0;
        std::size_t* lastSlot = nullptr; // unordered_map keeps its elements where they are
        auto s = core.db.cached("SELECT " + std::string(byCustomer ? "s.customer" : "''") +
                                ", s.day, s.shipments, s.quantity, s.unpriced, s.revenue, " + kReportLotColumns +
                                " FROM " + table + " s JOIN lots l ON l.id = s.lot_id" +
                                std::string(kCachedCostJoin) + where);
        s.bindAll(fromDay, toDay);
        constexpr int kLot = 6;
        while (s.step()) {
            if (!ticker.tick()) return cancelled("the margins report");
            const auto lot = readReportLot(s, kLot);
            const auto item = items.find(lot.itemId);
            if (item == items.end()) continue; // as the join to items did
            const auto day = s.int64(1);
            std::size_t* slot = nullptr;
            if (byCustomer) {
                slot = &byName.try_emplace(std::string(s.textView(0)), groups.size()).first->second;
            } else {
                const std::int64_t id = by == MarginGrouping::Lot       ? lot.cost.id
                                        : by == MarginGrouping::Product ? lot.itemId
                                        : by == MarginGrouping::Month   ? monthIndex(day)
                                                                        : 0;
                // The rows of one lot come together (the summary's order): look up only a new one.
                if (id != lastId || !lastSlot) lastSlot = &byId.try_emplace(id, groups.size()).first->second;
                lastId = id;
                slot = lastSlot;
            }
            if (*slot == groups.size()) {
                std::string key = by == MarginGrouping::Lot       ? std::string(lot.cost.code)
                                  : by == MarginGrouping::Product ? item->second.sku
                                  : by == MarginGrouping::Month   ? monthOfDay(day)
                                  : byCustomer                    ? std::string(s.textView(0))
                                                                  : std::string("total");
                groups.emplace_back(std::move(key), Sums{});
            }
            auto& sums = groups[*slot].second;
            sums.shipments += s.int64(2);
            const auto quantity = s.int64(3);
            if (s.int64(4) == 0)
                sums.revenue += s.int64(5);
            else
                sums.revenueKnown = false;
            if (auto unitCost = costs.perUnit(lot.cost))
                sums.cost += exactValueMilli(quantity, *unitCost, item->second.uom);
            else
                sums.costKnown = false;
        }
        if (!ticker.finish()) return cancelled("the margins report");
        costs.keep();
        // In the order of the names (sorting positions, not the groups' exact sums).
        std::vector<std::size_t> order(groups.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return groups[a].first < groups[b].first; });
        std::vector<MarginRow> out;
        out.reserve(groups.size());
        for (const auto index : order) {
            auto& [key, sums] = groups[index];
            MarginRow row;
            row.key = std::move(key);
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
