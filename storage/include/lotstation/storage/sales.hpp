#pragma once
// Prices: a customer's price list (append-only; the latest price set is in force) and the price each
// shipment was sold at, kept beside its ship movement (the movement itself, and its hash, are unchanged).
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/money.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace lotstation::storage {

struct PriceRequest {
    std::string customer{};
    std::string sku{};
    Micros unitPrice = 0; // per g / ml / pc of the item
    std::string user{};   // a supervisor or admin
};
[[nodiscard]] Result<Micros> setCustomerPrice(Ledger& ledger, const PriceRequest& request);
// The customer's price in force for the item, per g / ml / pc.
[[nodiscard]] std::optional<Micros> customerPrice(const Ledger& ledger, std::string_view customer,
                                                  std::string_view sku);

// Reads a price typed for an item: "4.50/pc", "EUR 4.50/pc", "12/kg". A code other than the ledger's
// currency, or a unit of another dimension than the item's, is refused.
[[nodiscard]] Result<Micros> parsePrice(const Ledger& ledger, std::string_view text, Uom uom);

struct PricedShipment {
    Movement movement{};
    std::optional<Micros> unitPrice{}; // empty: no price typed and none on the customer's list
    bool fromPriceList = false;
    bool fromOrder = false; // the order's line price (sales_orders.hpp)
};
// Ships (Ledger::ship) and records the price in the same transaction: the one given, else the customer's
// price list's. A shipment without either is recorded without a price (its margin is unknown).
[[nodiscard]] Result<PricedShipment> shipAtPrice(Ledger& ledger, const ShipRequest& request,
                                                 std::optional<Micros> unitPrice);

} // namespace lotstation::storage
