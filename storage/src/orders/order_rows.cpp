// The sales order tables: one order with its lines in force, what was shipped against a line, appends.
#include "order_rows.hpp"

#include "lotstation/storage/time.hpp"

namespace lotstation::storage {

std::optional<OrderRow> findOrder(LedgerCore& core, std::string_view reference) {
    OrderRow row;
    {
        auto s = core.db.cached(
            "SELECT o.id, o.reference, o.customer, o.due_date, o.created_at, o.created_by, "
            "max(o.revision, coalesce((SELECT max(revision) FROM sales_order_lines WHERE order_id = o.id), 0), "
            "coalesce(c.revision, 0)), c.reason "
            "FROM sales_orders o LEFT JOIN sales_order_cancellations c ON c.order_id = o.id WHERE o.reference = ?1");
        s.bindAll(std::string(reference));
        if (!s.step()) return std::nullopt;
        row.id = s.int64(0);
        row.order.reference = s.text(1);
        row.order.customer = s.text(2);
        row.order.due = s.optText(3);
        row.order.createdAt = s.text(4);
        row.order.createdBy = s.text(5);
        row.revision = s.int64(6);
        row.order.cancelledReason = s.optText(7);
    }
    auto s = core.db.cached("SELECT l.sku, l.quantity, l.unit_price FROM sales_order_lines l WHERE l.order_id = ?1 "
                            "AND l.id = (SELECT max(id) FROM sales_order_lines WHERE order_id = l.order_id AND "
                            "sku = l.sku) AND l.quantity > 0 ORDER BY l.sku");
    s.bindAll(row.id);
    while (s.step())
        row.order.lines.push_back({s.text(0), s.int64(1), s.int64(2)});
    return row;
}

Result<OrderRow> requireOrder(LedgerCore& core, std::string_view reference) {
    auto row = findOrder(core, reference);
    if (!row) return fail(ErrorKind::NotFound, "no order " + std::string(reference));
    return std::move(*row);
}

std::optional<OrderLine> lineInForce(LedgerCore& core, std::int64_t orderId, std::string_view sku) {
    auto s = core.db.cached("SELECT sku, quantity, unit_price FROM sales_order_lines WHERE order_id = ?1 AND "
                            "sku = ?2 ORDER BY id DESC LIMIT 1");
    s.bindAll(orderId, std::string(sku));
    if (!s.step()) return std::nullopt;
    return OrderLine{s.text(0), s.int64(1), s.int64(2)};
}

std::int64_t shippedOnOrder(LedgerCore& core, std::string_view reference, std::string_view customer,
                            std::string_view sku) {
    auto s = core.db.cached(
        "SELECT coalesce(sum(m.quantity), 0) FROM movements m JOIN lots l ON l.id = m.lot_id "
        "JOIN items i ON i.id = l.item_id WHERE m.kind = 'ship' AND m.reference = ?1 COLLATE NOCASE "
        "AND m.party = ?2 COLLATE NOCASE AND i.sku = ?3 "
        "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = m.id)");
    s.bindAll(std::string(reference), std::string(customer), std::string(sku));
    s.step();
    return s.int64(0);
}

std::int64_t stampRevision(LedgerCore& core) {
    core.db.exec("UPDATE master_clock SET last = max(last + 1, CAST((julianday('now') - 2440587.5) * 86400000.0 "
                 "AS INTEGER))");
    auto s = core.db.cached("SELECT last FROM master_clock");
    s.step();
    return s.int64(0);
}

std::int64_t insertOrder(LedgerCore& core, const SalesOrder& order, std::int64_t revision) {
    auto s = core.db.cached("INSERT INTO sales_orders (reference, customer, due_date, created_at, created_by, "
                            "revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    s.bindAll(order.reference, order.customer, order.due, order.createdAt, order.createdBy, revision);
    s.run();
    return core.db.lastInsertRowid();
}

void insertOrderLine(LedgerCore& core, std::int64_t orderId, const OrderLine& line, std::string_view by,
                     std::int64_t revision) {
    auto s = core.db.cached("INSERT INTO sales_order_lines (order_id, sku, quantity, unit_price, recorded_at, "
                            "recorded_by, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    s.bindAll(orderId, line.sku, line.quantity, line.unitPrice, formatTimestamp(core.clock()), std::string(by),
              revision);
    s.run();
}

void insertCancellation(LedgerCore& core, std::int64_t orderId, std::string_view reason, std::string_view by,
                        std::int64_t revision) {
    auto s = core.db.cached("INSERT INTO sales_order_cancellations (order_id, reason, cancelled_at, cancelled_by, "
                            "revision) VALUES (?1, ?2, ?3, ?4, ?5)");
    s.bindAll(orderId, std::string(reason), formatTimestamp(core.clock()), std::string(by), revision);
    s.run();
}

} // namespace lotstation::storage
