// Customer price lists and the price each shipment was sold at.
#include "lotstation/storage/sales.hpp"

#include "cost_access.hpp"
#include "priced_ship.hpp"
#include "lotstation/storage/currency.hpp"

namespace lotstation::storage {

Result<Micros> parsePrice(const Ledger& ledger, std::string_view text, Uom uom) {
    auto amount = withoutCurrency(text, ledgerCurrency(ledger));
    if (!amount) return std::unexpected(amount.error());
    if (amount->starts_with('-'))
        return fail(ErrorKind::Invalid, "a price cannot be negative: " + std::string(text));
    auto price = parseUnitCost(*amount, uom);
    if (!price) {
        auto message = price.error().message;
        if (auto at = message.find("unit cost"); at != std::string::npos) message.replace(at, 9, "price");
        if (auto at = message.find("a cost per"); at != std::string::npos) message.replace(at, 10, "a price per");
        return fail(ErrorKind::Invalid, message);
    }
    return *price;
}

Result<Micros> setCustomerPrice(Ledger& ledger, const PriceRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Micros> {
        auto who = requireCostManager(core, request.user, "setting a price");
        if (!who) return std::unexpected(who.error());
        auto customer = findCustomer(core, request.customer);
        if (!customer) return fail(ErrorKind::NotFound, "no customer " + request.customer);
        auto item = requireItem(core, request.sku);
        if (!item) return std::unexpected(item.error());
        if (request.unitPrice < 0) return fail(ErrorKind::Invalid, "a price cannot be negative");
        const auto now = core.clock();
        auto s = core.db.cached("INSERT INTO customer_prices (customer, sku, unit_price, effective_at, effective_ms, "
                                "set_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        s.bindAll(customer->party.code, item->item.sku, request.unitPrice, formatTimestamp(now), epochMs(now),
                  who->name);
        s.run();
        return request.unitPrice;
    });
}

std::optional<Micros> customerPrice(const Ledger& ledger, std::string_view customer, std::string_view sku) {
    auto& core = LedgerAccess::core(ledger);
    auto s = core.db.cached("SELECT unit_price FROM customer_prices WHERE customer = ?1 AND sku = ?2 "
                            "ORDER BY effective_ms DESC, id DESC LIMIT 1");
    s.bindAll(std::string(customer), std::string(sku));
    if (!s.step()) return std::nullopt;
    return s.int64(0);
}

Result<Movement> shipAndRecordPrice(Ledger& ledger, const ShipRequest& request, std::optional<Micros> unitPrice,
                                    std::string_view source) {
    auto& core = LedgerAccess::core(ledger);
    Movement shipped;
    auto written = ledger.atomically([&]() -> Result<void> {
        auto movement = ledger.ship(request);
        if (!movement) return std::unexpected(movement.error());
        shipped = *movement;
        if (!unitPrice) return {};
        return guarded([&]() -> Result<void> {
            auto s = core.db.cached("INSERT INTO shipment_prices (movement_id, unit_price, currency, source) "
                                    "VALUES (?1, ?2, ?3, ?4)");
            s.bindAll(shipped.id, *unitPrice, ledgerCurrency(ledger), std::string(source));
            s.run();
            return {};
        });
    });
    if (!written) return std::unexpected(written.error());
    return shipped;
}

Result<PricedShipment> shipAtPrice(Ledger& ledger, const ShipRequest& request, std::optional<Micros> unitPrice) {
    if (unitPrice && *unitPrice < 0) return fail(ErrorKind::Invalid, "a price cannot be negative");
    PricedShipment out;
    out.unitPrice = unitPrice;
    if (!out.unitPrice) {
        // The lot is looked up here only for its SKU; ship() checks everything else (and names a missing lot).
        if (auto lot = ledger.lot(request.lot)) {
            out.unitPrice = customerPrice(ledger, request.customer, lot->sku);
            out.fromPriceList = out.unitPrice.has_value();
        }
    }
    auto movement = shipAndRecordPrice(ledger, request, out.unitPrice, out.fromPriceList ? "price_list" : "typed");
    if (!movement) return std::unexpected(movement.error());
    out.movement = std::move(*movement);
    return out;
}

} // namespace lotstation::storage
