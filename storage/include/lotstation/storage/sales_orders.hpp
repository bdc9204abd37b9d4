#pragma once
// Sales orders: a customer's order (a unique reference, an optional due date, lines of SKU, quantity and
// price per unit) that shipments are made against. Kept append-only like price lists: an amended line is a
// new line record (the latest for a SKU is in force; quantity 0 takes the SKU off the order), a cancellation
// is a record of its own. A shipment against an order keeps the reference on its ship movement (hash-covered,
// so every ledger the movement reaches counts it); what a line has shipped is the sum of the order's
// customer's ship movements with that reference for lots of that SKU, reversed ones left out. Orders are
// master data (master_data.hpp): they travel to stations in GET /v1/master.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/money.hpp"
#include "lotstation/storage/sales.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

struct OrderLine {
    std::string sku{};
    std::int64_t quantity = 0; // base units of the item (0: taken off the order)
    Micros unitPrice = 0;      // per g / ml / pc, in the ledger's currency
};

struct SalesOrder {
    std::string reference{};
    std::string customer{};
    std::optional<std::string> due{}; // YYYY-MM-DD
    std::vector<OrderLine> lines{};   // the lines in force, quantity above zero, by SKU
    std::optional<std::string> cancelledReason{};
    std::string createdAt{};
    std::string createdBy{};
};

struct NewSalesOrder {
    std::string reference{};
    std::string customer{};
    std::optional<std::string> due{};
    std::vector<OrderLine> lines{};
    std::string user{};       // a supervisor or admin
    bool fromCentral = false; // the sync server's console: no user of this ledger is asked (like users)
};

// Records a new order. Refused: a reference already used, an unknown customer or SKU, a SKU twice, no line,
// a quantity not above zero, a negative price, a due date that is not a date.
[[nodiscard]] Result<SalesOrder> addSalesOrder(Ledger& ledger, const NewSalesOrder& order);
// New line records for the SKUs given (new SKUs are added; quantity 0 takes a SKU off). Refused on a
// cancelled order and below what a line has already shipped.
// `fromCentral`: as NewSalesOrder::fromCentral.
[[nodiscard]] Result<SalesOrder> amendSalesOrder(Ledger& ledger, std::string_view reference,
                                                 const std::vector<OrderLine>& lines, std::string_view user,
                                                 bool fromCentral = false);
[[nodiscard]] Result<SalesOrder> cancelSalesOrder(Ledger& ledger, std::string_view reference,
                                                  std::string_view reason, std::string_view user,
                                                  bool fromCentral = false);

// Reads "SKU=QTY@PRICE" ("SOAP-BAR=48@4.50", "OIL=2.5kg@12/kg", "OIL=2500@0.012/g"): the quantity in the
// item's unit (as parseQuantity), the price as parsePrice (a bare number is per pc, per kg or per l).
[[nodiscard]] Result<OrderLine> parseOrderLine(const Ledger& ledger, std::string_view text);

struct OrderLineProgress {
    OrderLine line{};
    Uom uom = Uom::Piece;
    std::int64_t shipped = 0; // base units
};
struct OrderProgress {
    SalesOrder order{};
    std::vector<OrderLineProgress> lines{};
    bool complete = false; // every line shipped in full
    [[nodiscard]] bool open() const { return !complete && !order.cancelledReason; }
};

[[nodiscard]] Result<OrderProgress> salesOrder(const Ledger& ledger, std::string_view reference);
struct OrderFilter {
    bool openOnly = false;
    std::optional<std::string> customer{};
};
// By due date (orders without one last), then reference.
[[nodiscard]] Result<std::vector<OrderProgress>> salesOrders(const Ledger& ledger, const OrderFilter& filter = {});

// "Order R-1042: 24 of 48 shipped" (the lines' quantities summed when they share a unit; else lines shipped
// in full, "1 of 2 lines shipped"), with "cancelled" / "complete" added when so. Given a SKU on the order:
// that line's figures ("Order R-1042: 24 of 48 shipped"), what a person shipping that item wants to see.
[[nodiscard]] std::string orderSummary(const OrderProgress& progress, std::string_view sku = {});

// Ships against an order: the customer comes from the order (`request.customer`, when given, must be the
// same), the price from the order's line for the lot's SKU unless one is typed; the reference is kept on the
// ship movement. Refused, nothing written: an unknown or cancelled order, another customer's order, a SKU
// not on the order, and more than the line has left to ship (no override: ship another order or amend it).
[[nodiscard]] Result<PricedShipment> shipAgainstOrder(Ledger& ledger, ShipRequest request,
                                                      std::optional<Micros> typedPrice);

} // namespace lotstation::storage
