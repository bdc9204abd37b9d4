// FEFO picking order and lots expiring soon. Dates are ISO text in the database, so they compare as text.
// Each list is one statement: lots joined with their non-zero balances, grouped into LotStock in C++.
#include "lotstation/storage/queries.hpp"
#include "query_rows.hpp"
#include "rows.hpp"

namespace lotstation::storage {
namespace {

using queries::optDate;
using queries::parsedOr;

constexpr std::string_view kLotStockSelect =
    "SELECT l.code, i.sku, s.code, l.supplier_lot, l.run_code, l.origin_date, l.expiry, l.best_before, "
    "l.status, l.unit_cost, l.created_by, i.uom, loc.code, b.quantity, i.name "
    "FROM lots l JOIN items i ON i.id = l.item_id LEFT JOIN suppliers s ON s.id = l.supplier_id "
    "JOIN balances b ON b.lot_id = l.id AND b.quantity <> 0 JOIN locations loc ON loc.id = b.location_id ";

struct Found {
    LotStock stock;
    std::string itemName;
};

// Rows come ordered by lot (then balance); consecutive rows of one lot become one LotStock. Lots with
// nothing on hand in total are left out.
template <typename... Args>
std::vector<Found> readLotStocks(LedgerCore& core, std::string_view whereAndOrder, const Args&... args) {
    auto s = core.db.prepare(std::string(kLotStockSelect) + std::string(whereAndOrder));
    s.bindAll(args...);
    std::vector<Found> out;
    while (s.step()) {
        const auto code = s.text(0);
        if (out.empty() || out.back().stock.lot.code != code) {
            if (!out.empty() && out.back().stock.onHand <= 0) out.pop_back();
            Found found;
            auto& lot = found.stock.lot;
            lot.code = code;
            lot.sku = s.text(1);
            lot.supplier = s.optText(2);
            lot.supplierLot = s.optText(3);
            lot.run = s.optText(4);
            lot.originDate = optDate(s.optText(5)).value_or(Date{});
            lot.expiry = optDate(s.optText(6));
            lot.bestBefore = optDate(s.optText(7));
            lot.status = parsedOr(parseLotStatus(s.text(8)), LotStatus::Hold);
            lot.unitCost = s.optInt64(9);
            lot.createdBy = s.text(10);
            found.stock.uom = parsedOr(parseUom(s.text(11)), Uom::Gram);
            found.itemName = s.text(14);
            out.push_back(std::move(found));
        }
        auto& stock = out.back().stock;
        stock.onHand += s.int64(13);
        stock.balances.push_back(Balance{code, s.text(12), s.int64(13)});
    }
    if (!out.empty() && out.back().stock.onHand <= 0) out.pop_back();
    return out;
}

} // namespace

Result<std::vector<LotStock>> fefo(const Ledger& ledger, std::string_view sku, Date today) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<LotStock>> {
        auto item = requireItem(core, sku);
        if (!item) return std::unexpected(item.error());
        auto found =
            readLotStocks(core,
                          "WHERE l.item_id = ?1 AND l.status = 'available' "
                          "AND (l.expiry IS NULL OR l.expiry >= ?2) "
                          "ORDER BY l.expiry IS NULL, l.expiry, l.best_before IS NULL, l.best_before, "
                          "l.origin_date, l.code, b.quantity DESC, loc.code",
                          item->id, formatDate(today));
        std::vector<LotStock> out;
        out.reserve(found.size());
        for (auto& f : found)
            out.push_back(std::move(f.stock));
        return out;
    });
}

Result<std::vector<ExpiringLot>> expiring(const Ledger& ledger, Date today, int days) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<ExpiringLot>> {
        const Date limit{std::chrono::sys_days{today} + std::chrono::days{days}};
        auto found =
            readLotStocks(core,
                          "WHERE (l.expiry <= ?1 OR l.status = 'expired') "
                          "ORDER BY coalesce(l.expiry, ''), i.sku, l.code, b.quantity DESC, loc.code",
                          formatDate(limit));
        std::vector<ExpiringLot> out;
        out.reserve(found.size());
        for (auto& f : found) {
            const int left = f.stock.lot.expiry ? queries::daysBetween(today, *f.stock.lot.expiry) : 0;
            out.push_back(ExpiringLot{std::move(f.stock), std::move(f.itemName), left});
        }
        return out;
    });
}

} // namespace lotstation::storage
