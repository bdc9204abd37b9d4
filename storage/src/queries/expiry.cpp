// FEFO picking order and lots expiring soon. Dates are ISO text in the database, so they compare as text.
#include "lotstation/storage/queries.hpp"
#include "query_rows.hpp"
#include "rows.hpp"

namespace lotstation::storage {
namespace {

LotStock lotStock(LedgerCore& core, const std::string& code) {
    const auto row = *findLot(core, code);
    LotStock out{row.lot, row.uom, 0, {}};
    for (const auto& stock : stockOf(core, row.id)) {
        out.onHand += stock.quantity;
        out.balances.push_back(Balance{row.lot.code, stock.location.location.code, stock.quantity});
    }
    return out;
}

} // namespace

Result<std::vector<LotStock>> fefo(const Ledger& ledger, std::string_view sku, Date today) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<LotStock>> {
        auto item = requireItem(core, sku);
        if (!item) return std::unexpected(item.error());
        std::vector<std::string> codes;
        {
            auto s = core.db.prepare(
                "SELECT l.code FROM lots l WHERE l.item_id = ?1 AND l.status = 'available' "
                "AND (l.expiry IS NULL OR l.expiry >= ?2) "
                "AND (SELECT sum(b.quantity) FROM balances b WHERE b.lot_id = l.id) > 0 "
                "ORDER BY l.expiry IS NULL, l.expiry, l.best_before IS NULL, l.best_before, l.origin_date, "
                "l.code");
            s.bindAll(item->id, formatDate(today));
            while (s.step())
                codes.push_back(s.text(0));
        }
        std::vector<LotStock> out;
        out.reserve(codes.size());
        for (const auto& code : codes)
            out.push_back(lotStock(core, code));
        return out;
    });
}

std::vector<ExpiringLot> expiring(const Ledger& ledger, Date today, int days) {
    auto& core = LedgerAccess::core(ledger);
    const Date limit{std::chrono::sys_days{today} + std::chrono::days{days}};
    std::vector<std::pair<std::string, std::string>> found; // lot code, item name
    {
        auto s = core.db.prepare("SELECT l.code, i.name FROM lots l JOIN items i ON i.id = l.item_id "
                                 "WHERE (l.expiry <= ?1 OR l.status = 'expired') "
                                 "AND (SELECT sum(b.quantity) FROM balances b WHERE b.lot_id = l.id) > 0 "
                                 "ORDER BY coalesce(l.expiry, ''), i.sku, l.code");
        s.bindAll(formatDate(limit));
        while (s.step())
            found.emplace_back(s.text(0), s.text(1));
    }
    std::vector<ExpiringLot> out;
    out.reserve(found.size());
    for (auto& [code, name] : found) {
        auto stock = lotStock(core, code);
        const int left = stock.lot.expiry ? queries::daysBetween(today, *stock.lot.expiry) : 0;
        out.push_back(ExpiringLot{std::move(stock), std::move(name), left});
    }
    return out;
}

} // namespace lotstation::storage
