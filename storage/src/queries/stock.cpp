// On hand by lot / item / location, totals per item, and a lot's history.
#include "lotstation/storage/queries.hpp"
#include "query_rows.hpp"
#include "rows.hpp"

#include <map>

namespace lotstation::storage {
namespace {

using queries::optDate;
using queries::parsedOr;

constexpr std::string_view kStockSelect =
    "SELECT l.code, i.sku, i.name, i.uom, loc.code, loc.name, b.quantity, l.status, l.expiry "
    "FROM balances b JOIN lots l ON l.id = b.lot_id JOIN items i ON i.id = l.item_id "
    "JOIN locations loc ON loc.id = b.location_id WHERE b.quantity <> 0 ";
constexpr std::string_view kStockOrder = " ORDER BY i.sku, l.code, loc.code";

template <typename... Args>
std::vector<StockLine> readStock(LedgerCore& core, std::string_view filter, const Args&... args) {
    auto s = core.db.prepare(std::string(kStockSelect) + std::string(filter) + std::string(kStockOrder));
    s.bindAll(args...);
    std::vector<StockLine> out;
    while (s.step()) {
        StockLine line;
        line.lot = s.text(0);
        line.sku = s.text(1);
        line.itemName = s.text(2);
        line.uom = parsedOr(parseUom(s.text(3)), Uom::Gram);
        line.location = s.text(4);
        line.locationName = s.text(5);
        line.quantity = s.int64(6);
        line.status = parsedOr(parseLotStatus(s.text(7)), LotStatus::Hold);
        line.expiry = optDate(s.optText(8));
        out.push_back(std::move(line));
    }
    return out;
}

} // namespace

Result<std::vector<StockLine>> stockByLot(const Ledger& ledger, std::string_view lot) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<StockLine>> {
        auto row = requireLot(core, lot);
        if (!row) return std::unexpected(row.error());
        return readStock(core, "AND l.id = ?1", row->id);
    });
}

Result<std::vector<StockLine>> stockByItem(const Ledger& ledger, std::string_view sku) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<StockLine>> {
        auto row = requireItem(core, sku);
        if (!row) return std::unexpected(row.error());
        return readStock(core, "AND l.item_id = ?1", row->id);
    });
}

Result<std::vector<StockLine>> stockByLocation(const Ledger& ledger, std::string_view location) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<StockLine>> {
        auto row = requireLocation(core, location);
        if (!row) return std::unexpected(row.error());
        return readStock(core, "AND b.location_id = ?1", row->id);
    });
}

Result<std::vector<StockLine>> allStock(const Ledger& ledger) {
    return guarded(
        [&]() -> Result<std::vector<StockLine>> { return readStock(LedgerAccess::core(ledger), ""); });
}

Result<std::vector<ItemTotal>> stockTotals(const Ledger& ledger) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<ItemTotal>> {
        auto s =
            core.db.prepare("SELECT i.sku, i.name, i.uom, i.reorder_point, "
                            "coalesce((SELECT sum(b.quantity) FROM balances b JOIN lots l ON l.id = b.lot_id "
                            "WHERE l.item_id = i.id), 0), "
                            "(SELECT count(*) FROM lots l WHERE l.item_id = i.id AND EXISTS "
                            "(SELECT 1 FROM balances b WHERE b.lot_id = l.id AND b.quantity > 0)) "
                            "FROM items i ORDER BY i.sku");
        std::vector<ItemTotal> out;
        while (s.step()) {
            out.push_back(ItemTotal{s.text(0), s.text(1), parsedOr(parseUom(s.text(2)), Uom::Gram),
                                    s.int64(4), s.optInt64(3), s.int64(5)});
        }
        return out;
    });
}

Result<std::vector<HistoryEntry>> lotHistory(const Ledger& ledger, std::string_view lot) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<HistoryEntry>> {
        auto row = requireLot(core, lot);
        if (!row) return std::unexpected(row.error());
        std::map<std::string, std::string> reversedBy;
        {
            auto s = core.db.prepare(
                "SELECT reverses, id FROM movements WHERE lot_id = ?1 AND reverses IS NOT NULL");
            s.bindAll(row->id);
            while (s.step())
                reversedBy.emplace(s.text(0), s.text(1));
        }
        auto s = core.db.prepare(std::string(kMovementSelect) + "WHERE m.lot_id = ?1 ORDER BY m.pos");
        s.bindAll(row->id);
        std::vector<HistoryEntry> out;
        while (s.step()) {
            HistoryEntry entry{readMovement(s), std::nullopt};
            if (auto found = reversedBy.find(entry.movement.id); found != reversedBy.end())
                entry.reversedBy = found->second;
            out.push_back(std::move(entry));
        }
        return out;
    });
}

} // namespace lotstation::storage
