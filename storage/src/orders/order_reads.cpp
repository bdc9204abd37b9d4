// Reading orders with what each line has shipped, and the one-line summary the CLI and the station show.
#include "../rows.hpp"
#include "lotstation/storage/quantity.hpp"
#include "lotstation/storage/sales_orders.hpp"
#include "order_rows.hpp"

#include <algorithm>
#include <cctype>

namespace lotstation::storage {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

OrderProgress progressOf(LedgerCore& core, OrderRow row) {
    OrderProgress out;
    bool complete = !row.order.lines.empty();
    for (const auto& line : row.order.lines) {
        OrderLineProgress progress{line, Uom::Piece, 0};
        if (auto item = findItem(core, line.sku)) progress.uom = item->item.uom;
        progress.shipped = shippedOnOrder(core, row.order.reference, row.order.customer, line.sku);
        complete = complete && progress.shipped >= line.quantity;
        out.lines.push_back(std::move(progress));
    }
    out.order = std::move(row.order);
    out.complete = complete;
    return out;
}

} // namespace

Result<OrderProgress> salesOrder(const Ledger& ledger, std::string_view reference) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<OrderProgress> {
        auto row = requireOrder(core, reference);
        if (!row) return std::unexpected(row.error());
        return progressOf(core, std::move(*row));
    });
}

Result<std::vector<OrderProgress>> salesOrders(const Ledger& ledger, const OrderFilter& filter) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<OrderProgress>> {
        std::vector<std::string> references;
        {
            auto s = core.db.cached("SELECT reference FROM sales_orders WHERE (?1 IS NULL OR customer = ?1) "
                                    "ORDER BY due_date IS NULL, due_date, reference");
            s.bindAll(filter.customer);
            while (s.step())
                references.push_back(s.text(0));
        }
        std::vector<OrderProgress> out;
        for (const auto& reference : references) {
            auto row = findOrder(core, reference);
            if (!row) continue;
            auto progress = progressOf(core, std::move(*row));
            if (filter.openOnly && !progress.open()) continue;
            out.push_back(std::move(progress));
        }
        return out;
    });
}

std::string orderSummary(const OrderProgress& progress, std::string_view sku) {
    std::string text = "Order " + progress.order.reference;
    std::vector<OrderLineProgress> lines;
    for (const auto& line : progress.lines)
        if (sku.empty() || equalsIgnoringCase(line.line.sku, sku)) lines.push_back(line);
    if (lines.empty()) lines = progress.lines;
    // One line of several: say which, or "0 of 48" reads as the whole order's (it was "0 of 72" a moment before).
    if (lines.size() == 1 && progress.lines.size() > 1) text += ", " + lines.front().line.sku;
    text += ": ";
    const bool oneUnit = !lines.empty() && std::all_of(lines.begin(), lines.end(), [&](const auto& line) {
        return line.uom == lines.front().uom;
    });
    if (oneUnit) {
        std::int64_t ordered = 0, shipped = 0;
        for (const auto& line : lines) {
            ordered += line.line.quantity;
            shipped += line.shipped;
        }
        const auto uom = lines.front().uom;
        auto amount = [&](std::int64_t base) {
            auto formatted = formatQuantity(base, uom);
            // "24 of 48 shipped" for pieces: the unit is plain from the order.
            if (uom == Uom::Piece && formatted.ends_with(" pc")) formatted.resize(formatted.size() - 3);
            return formatted;
        };
        text += amount(shipped) + " of " + amount(ordered) + " shipped";
    } else {
        const auto done = std::count_if(lines.begin(), lines.end(),
                                        [](const auto& line) { return line.shipped >= line.line.quantity; });
        text += std::to_string(done) + " of " + std::to_string(lines.size()) + " lines shipped";
    }
    if (progress.order.cancelledReason) text += " (cancelled: " + *progress.order.cancelledReason + ")";
    else if (progress.complete) text += " (complete)";
    return text;
}

} // namespace lotstation::storage
