// Recording sales orders: a new order, amended lines, a cancellation. Each is checked first and written in
// one transaction; every record is appended (sales_orders.hpp).
#include "../cost/cost_access.hpp"
#include "../rows.hpp"
#include "../validation.hpp"
#include "lotstation/core/text.hpp"
#include "lotstation/storage/sales_orders.hpp"
#include "lotstation/storage/time.hpp"
#include "order_rows.hpp"

#include <set>

namespace lotstation::storage {
namespace {

// Who records it: a supervisor or admin of this ledger, or the central administration.
Result<std::string> recorder(LedgerCore& core, std::string_view user, bool fromCentral, std::string_view what) {
    if (fromCentral) return user.empty() ? std::string("central") : std::string(user);
    auto who = requireCostManager(core, user, what);
    if (!who) return std::unexpected(who.error());
    return who->name;
}

// The lines as stored: SKUs as the items spell them, each once; `allowZero` for amendments.
Result<std::vector<OrderLine>> checkedLines(LedgerCore& core, const std::vector<OrderLine>& lines, bool allowZero) {
    if (lines.empty()) return fail(ErrorKind::Invalid, "an order needs at least one line (SKU=QTY@PRICE)");
    std::vector<OrderLine> out;
    std::set<std::string> seen;
    for (const auto& line : lines) {
        auto item = requireItem(core, line.sku);
        if (!item) return std::unexpected(item.error());
        if (!seen.insert(item->item.sku).second)
            return fail(ErrorKind::Invalid, item->item.sku + " is on the order twice: give each SKU once");
        if (line.quantity < 0 || (line.quantity == 0 && !allowZero))
            return fail(ErrorKind::Invalid, "the quantity ordered of " + item->item.sku + " must be above zero");
        if (line.unitPrice < 0) return fail(ErrorKind::Invalid, "a price cannot be negative");
        out.push_back({item->item.sku, line.quantity, line.unitPrice});
    }
    return out;
}

Result<SalesOrder> orderNamed(LedgerCore& core, std::string_view reference) {
    auto row = requireOrder(core, reference);
    if (!row) return std::unexpected(row.error());
    return std::move(row->order);
}

} // namespace

Result<SalesOrder> addSalesOrder(Ledger& ledger, const NewSalesOrder& request) {
    auto& core = LedgerAccess::core(ledger);
    return inWriteTransaction(core, [&]() -> Result<SalesOrder> {
        auto by = recorder(core, request.user, request.fromCentral, "recording an order");
        if (!by) return std::unexpected(by.error());
        auto reference = validCode(trimmed(request.reference), "order reference");
        if (!reference) return std::unexpected(reference.error());
        if (findOrder(core, *reference))
            return fail(ErrorKind::Conflict, "order " + *reference + " already exists");
        auto customer = findCustomer(core, request.customer);
        if (!customer) return fail(ErrorKind::NotFound, "no customer " + request.customer);
        SalesOrder order;
        if (request.due) {
            auto due = parseDate(*request.due);
            if (!due) return std::unexpected(due.error());
            order.due = formatDate(*due);
        }
        auto lines = checkedLines(core, request.lines, false);
        if (!lines) return std::unexpected(lines.error());
        order.reference = *reference;
        order.customer = customer->party.code;
        order.createdAt = formatTimestamp(core.clock());
        order.createdBy = *by;
        const auto revision = stampRevision(core);
        const auto id = insertOrder(core, order, revision);
        for (const auto& line : *lines)
            insertOrderLine(core, id, line, *by, revision);
        return orderNamed(core, order.reference);
    });
}

Result<SalesOrder> amendSalesOrder(Ledger& ledger, std::string_view reference, const std::vector<OrderLine>& lines,
                                   std::string_view user, bool fromCentral) {
    auto& core = LedgerAccess::core(ledger);
    return inWriteTransaction(core, [&]() -> Result<SalesOrder> {
        auto by = recorder(core, user, fromCentral, "amending an order");
        if (!by) return std::unexpected(by.error());
        auto order = requireOrder(core, reference);
        if (!order) return std::unexpected(order.error());
        if (order->order.cancelledReason)
            return fail(ErrorKind::Refused, "order " + order->order.reference + " is cancelled: it cannot change");
        auto checked = checkedLines(core, lines, true);
        if (!checked) return std::unexpected(checked.error());
        const auto revision = stampRevision(core);
        for (const auto& line : *checked) {
            const auto shipped = shippedOnOrder(core, order->order.reference, order->order.customer, line.sku);
            if (line.quantity < shipped) {
                auto item = requireItem(core, line.sku);
                return fail(ErrorKind::Refused, "order " + order->order.reference + ": " +
                                                    formatQuantity(shipped, item->item.uom) + " of " + line.sku +
                                                    " already shipped, more than the " +
                                                    formatQuantity(line.quantity, item->item.uom) + " asked for");
            }
            insertOrderLine(core, order->id, line, *by, revision);
        }
        return orderNamed(core, reference);
    });
}

Result<SalesOrder> cancelSalesOrder(Ledger& ledger, std::string_view reference, std::string_view reason,
                                    std::string_view user, bool fromCentral) {
    auto& core = LedgerAccess::core(ledger);
    return inWriteTransaction(core, [&]() -> Result<SalesOrder> {
        auto by = recorder(core, user, fromCentral, "cancelling an order");
        if (!by) return std::unexpected(by.error());
        auto order = requireOrder(core, reference);
        if (!order) return std::unexpected(order.error());
        if (order->order.cancelledReason)
            return fail(ErrorKind::Conflict, "order " + order->order.reference + " is already cancelled");
        auto why = validReason(reason, "cancelling an order");
        if (!why) return std::unexpected(why.error());
        insertCancellation(core, order->id, *why, *by, stampRevision(core));
        return orderNamed(core, reference);
    });
}

Result<OrderLine> parseOrderLine(const Ledger& ledger, std::string_view text) {
    const auto equals = text.find('=');
    const auto at = text.find('@', equals == std::string_view::npos ? 0 : equals);
    if (equals == std::string_view::npos || at == std::string_view::npos || equals == 0)
        return fail(ErrorKind::Invalid, "'" + std::string(text) + "' is not a line: write SKU=QTY@PRICE, e.g. BAR=48@4.50");
    const auto sku = trimmed(text.substr(0, equals));
    auto item = ledger.item(sku);
    if (!item) return std::unexpected(item.error());
    auto quantity = parseQuantity(trimmed(text.substr(equals + 1, at - equals - 1)), item->uom, item->sku);
    if (!quantity) return std::unexpected(quantity.error());
    auto priceText = trimmed(text.substr(at + 1));
    // A bare number is per pc, per kg or per l: the unit a price list is usually written in.
    if (!priceText.empty() && priceText.find('/') == std::string::npos)
        priceText += item->uom == Uom::Gram ? "/kg" : item->uom == Uom::Millilitre ? "/l" : "/pc";
    auto price = parsePrice(ledger, priceText, item->uom);
    if (!price) return std::unexpected(price.error());
    return OrderLine{item->sku, *quantity, *price};
}

} // namespace lotstation::storage
