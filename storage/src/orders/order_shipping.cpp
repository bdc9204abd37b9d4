// Shipping against a sales order: the order's checks, then the one write of a priced shipment.
#include "../cost/priced_ship.hpp"
#include "../rows.hpp"
#include "lotstation/storage/sales_orders.hpp"
#include "order_rows.hpp"

namespace lotstation::storage {

Result<PricedShipment> shipAgainstOrder(Ledger& ledger, ShipRequest request, std::optional<Micros> typedPrice) {
    auto& core = LedgerAccess::core(ledger);
    if (typedPrice && *typedPrice < 0) return fail(ErrorKind::Invalid, "a price cannot be negative");
    if (!request.reference || request.reference->empty())
        return fail(ErrorKind::Invalid, "shipping against an order needs the order's reference");
    PricedShipment out;
    // In one transaction: what the line has left is what this shipment is checked against, even when another
    // process ships against the same order at the same moment.
    auto written = ledger.atomically([&]() -> Result<void> {
        return guarded([&]() -> Result<void> {
            auto order = requireOrder(core, *request.reference);
            if (!order) return std::unexpected(order.error());
            const auto& o = order->order;
            if (o.cancelledReason)
                return fail(ErrorKind::Refused, "order " + o.reference + " is cancelled (" + *o.cancelledReason +
                                                    "): nothing can ship against it");
            if (!request.customer.empty() && !findCustomer(core, request.customer))
                return fail(ErrorKind::NotFound, "no customer " + request.customer);
            if (!request.customer.empty() && findCustomer(core, request.customer)->party.code != o.customer)
                return fail(ErrorKind::Refused, "order " + o.reference + " is " + o.customer + "'s, not " +
                                                    request.customer + "'s");
            auto lot = requireLot(core, request.lot);
            if (!lot) return std::unexpected(lot.error());
            const auto item = findItemById(core, lot->itemId);
            const auto& sku = item->item.sku;
            auto line = lineInForce(core, order->id, sku);
            if (!line || line->quantity == 0)
                return fail(ErrorKind::Refused,
                            "order " + o.reference + " has no line for " + sku + " (lot " + lot->lot.code + ")");
            const auto shipped = shippedOnOrder(core, o.reference, o.customer, sku);
            if (request.quantity > 0 && shipped + request.quantity > line->quantity) {
                const auto left = std::max<std::int64_t>(line->quantity - shipped, 0);
                return fail(ErrorKind::Refused,
                            "order " + o.reference + " asks for " + formatQuantity(line->quantity, lot->uom) + " of " +
                                sku + " and " + formatQuantity(shipped, lot->uom) + " have shipped: " +
                                formatQuantity(left, lot->uom) + " left, not " +
                                formatQuantity(request.quantity, lot->uom) + " (amend the order to ship more)");
            }
            request.customer = o.customer;
            request.reference = o.reference;
            out.unitPrice = typedPrice ? *typedPrice : line->unitPrice;
            out.fromOrder = !typedPrice;
            auto movement = shipAndRecordPrice(ledger, request, out.unitPrice, typedPrice ? "typed" : "order");
            if (!movement) return std::unexpected(movement.error());
            out.movement = std::move(*movement);
            return {};
        });
    });
    if (!written) return std::unexpected(written.error());
    return out;
}

} // namespace lotstation::storage
