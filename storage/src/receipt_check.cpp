#include "lotstation/storage/receipt_check.hpp"

#include "ledger_core.hpp"
#include "rows.hpp"
#include "wide_math.hpp"

namespace lotstation::storage {

Result<void> checkReceiptSize(const Ledger& ledger, std::string_view sku, std::int64_t quantity) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<void> {
        auto item = requireItem(core, sku);
        if (!item) return std::unexpected(item.error());
        auto s = core.db.cached("SELECT max(m.quantity) FROM movements m JOIN lots l ON l.id = m.lot_id "
                                "WHERE l.item_id = ?1 AND m.kind = 'receive' "
                                "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = m.id)");
        s.bindAll(item->id);
        if (!s.step() || s.isNull(0)) return {};
        const auto largest = s.int64(0);
        if (static_cast<Wide>(quantity) <= static_cast<Wide>(largest) * kSuspiciousReceiptFactor) return {};
        return fail(ErrorKind::NeedsOverride,
                    formatQuantity(quantity, item->item.uom) + " is more than 1,000 times the largest earlier receipt of " +
                        item->item.sku + " (" + formatQuantity(largest, item->item.uom) + "): check the quantity");
    });
}

} // namespace lotstation::storage
