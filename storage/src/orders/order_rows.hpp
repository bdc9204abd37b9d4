#pragma once
// Reading and writing the sales order tables (sales_orders.hpp), shared by the order operations, their
// reads, shipping against an order and master data sync.
#include "../ledger_core.hpp"
#include "lotstation/storage/sales_orders.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace lotstation::storage {

struct OrderRow {
    std::int64_t id = 0;
    std::int64_t revision = 0; // the largest of its records' revisions
    SalesOrder order;
};

[[nodiscard]] std::optional<OrderRow> findOrder(LedgerCore& core, std::string_view reference);
[[nodiscard]] Result<OrderRow> requireOrder(LedgerCore& core, std::string_view reference);
// The line in force for the SKU (quantity 0 when it was taken off), if the order ever had one.
[[nodiscard]] std::optional<OrderLine> lineInForce(LedgerCore& core, std::int64_t orderId, std::string_view sku);
// Base units of `sku` shipped to `customer` with the reference, reversed shipments left out.
[[nodiscard]] std::int64_t shippedOnOrder(LedgerCore& core, std::string_view reference, std::string_view customer,
                                          std::string_view sku);

// A master-data revision of this ledger (master_clock: the last stamp + 1 or the time in ms, whichever is
// larger), for records made here.
[[nodiscard]] std::int64_t stampRevision(LedgerCore& core);

// Appends records; `revision` as given (a local stamp or the revision of the ledger the order came from).
[[nodiscard]] std::int64_t insertOrder(LedgerCore& core, const SalesOrder& order, std::int64_t revision);
void insertOrderLine(LedgerCore& core, std::int64_t orderId, const OrderLine& line, std::string_view by,
                     std::int64_t revision);
void insertCancellation(LedgerCore& core, std::int64_t orderId, std::string_view reason, std::string_view by,
                        std::int64_t revision);

} // namespace lotstation::storage
