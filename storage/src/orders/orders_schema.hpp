#pragma once
// The sales orders migration (sales_orders.hpp). Every table is append-only (triggers refuse UPDATE and
// DELETE): an amended line is a new line record, a cancellation a record of its own. Each record carries a
// master-data revision (master_clock's stamp here, or the revision of the ledger it came from), so orders sync
// like the other master records. shipment_prices.source learns 'order', loosened the way the quality
// migration loosened lots.status (an edit of sqlite_schema).
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigrationSalesOrders = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''typed'',''price_list'')', '''typed'',''price_list'',''order'')')
 WHERE type = 'table' AND name = 'shipment_prices';
PRAGMA writable_schema = OFF;

CREATE TABLE sales_orders (
    id         INTEGER PRIMARY KEY,
    reference  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(reference) > 0),
    customer   TEXT NOT NULL COLLATE NOCASE,
    due_date   TEXT CHECK (due_date IS NULL OR length(due_date) = 10),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revision   INTEGER NOT NULL
);
CREATE INDEX sales_orders_customer ON sales_orders(customer);

-- The latest record for (order, sku) is in force; quantity 0 takes the SKU off the order.
CREATE TABLE sales_order_lines (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES sales_orders(id),
    sku         TEXT NOT NULL COLLATE NOCASE,
    quantity    INTEGER NOT NULL CHECK (quantity >= 0),
    unit_price  INTEGER NOT NULL CHECK (unit_price >= 0),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    revision    INTEGER NOT NULL
);
CREATE INDEX sales_order_lines_order ON sales_order_lines(order_id, sku, id);

CREATE TABLE sales_order_cancellations (
    order_id     INTEGER PRIMARY KEY REFERENCES sales_orders(id),
    reason       TEXT NOT NULL CHECK (length(reason) > 0),
    cancelled_at TEXT NOT NULL,
    cancelled_by TEXT NOT NULL,
    revision     INTEGER NOT NULL
);

CREATE INDEX movements_ship_reference ON movements(reference COLLATE NOCASE) WHERE kind = 'ship' AND reference IS NOT NULL;

CREATE TRIGGER sales_orders_no_update BEFORE UPDATE ON sales_orders
BEGIN SELECT RAISE(ABORT, 'sales_orders is append-only: UPDATE refused'); END;
CREATE TRIGGER sales_orders_no_delete BEFORE DELETE ON sales_orders
BEGIN SELECT RAISE(ABORT, 'sales_orders is append-only: DELETE refused'); END;
CREATE TRIGGER sales_order_lines_no_update BEFORE UPDATE ON sales_order_lines
BEGIN SELECT RAISE(ABORT, 'sales_order_lines is append-only: UPDATE refused'); END;
CREATE TRIGGER sales_order_lines_no_delete BEFORE DELETE ON sales_order_lines
BEGIN SELECT RAISE(ABORT, 'sales_order_lines is append-only: DELETE refused'); END;
CREATE TRIGGER sales_order_cancellations_no_update BEFORE UPDATE ON sales_order_cancellations
BEGIN SELECT RAISE(ABORT, 'sales_order_cancellations is append-only: UPDATE refused'); END;
CREATE TRIGGER sales_order_cancellations_no_delete BEFORE DELETE ON sales_order_cancellations
BEGIN SELECT RAISE(ABORT, 'sales_order_cancellations is append-only: DELETE refused'); END;
)sql";

} // namespace lotstation::storage
