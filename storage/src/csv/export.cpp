// Exporting a table as CSV: codes instead of row ids, quantities as exact decimals beside their unit, money
// as decimals. items and stock come out in the columns their imports read.
#include "ledger_core.hpp"
#include "lotstation/storage/csv.hpp"

#include <functional>

namespace lotstation::storage {
namespace {

using Row = std::vector<std::string>;

struct Column {
    std::string name;
    std::function<std::string(const sql::Statement&)> value;
};

std::string textAt(const sql::Statement& s, int column) {
    return s.optText(column).value_or("");
}

Uom uomAt(const sql::Statement& s, int column) {
    auto uom = parseUom(textAt(s, column));
    return uom ? *uom : Uom::Gram;
}

Column text(std::string name, int column) {
    return {std::move(name), [column](const sql::Statement& s) { return textAt(s, column); }};
}

// A quantity column (base units) shown in the unit named by `uomColumn`.
Column quantity(std::string name, int column, int uomColumn) {
    return {std::move(name), [column, uomColumn](const sql::Statement& s) {
                if (s.isNull(column)) return std::string();
                return decimalQuantity(s.int64(column), uomAt(s, uomColumn));
            }};
}

Column unitCost(std::string name, int column, int uomColumn) {
    return {std::move(name), [column, uomColumn](const sql::Statement& s) {
                if (s.isNull(column)) return std::string();
                return formatUnitCost(s.int64(column), uomAt(s, uomColumn));
            }};
}

struct TableSpec {
    std::string name;
    std::string sql;
    std::vector<Column> columns;
};

std::vector<TableSpec> specs() {
    return {
        {"items",
         "SELECT i.sku, i.name, i.kind, i.uom, i.gtin, CASE i.lot_tracked WHEN 1 THEN 'yes' ELSE 'no' END, "
         "i.shelf_life_days, l.code, i.reorder_point FROM items i LEFT JOIN locations l ON l.id = "
         "i.default_location_id ORDER BY i.sku",
         {text("sku", 0), text("name", 1), text("kind", 2), text("uom", 3), text("gtin", 4),
          text("lot_tracked", 5), text("shelf_life_days", 6), text("default_location", 7),
          quantity("reorder_point", 8, 3)}},
        {"lots",
         "SELECT l.code, i.sku, i.name, s.code, l.supplier_lot, l.run_code, l.origin_date, l.expiry, "
         "l.best_before, l.status, l.unit_cost, i.uom, "
         "(SELECT coalesce(sum(b.quantity), 0) FROM balances b WHERE b.lot_id = l.id) "
         "FROM lots l JOIN items i ON i.id = l.item_id LEFT JOIN suppliers s ON s.id = l.supplier_id "
         "ORDER BY l.code",
         {text("lot", 0), text("sku", 1), text("item_name", 2), text("supplier", 3), text("supplier_lot", 4),
          text("run", 5), text("origin_date", 6), text("expiry", 7), text("best_before", 8),
          text("status", 9), unitCost("unit_cost", 10, 11), quantity("on_hand", 12, 11), text("uom", 11)}},
        {"stock",
         "SELECT l.code, i.sku, b.quantity, i.uom, loc.code, s.code, l.supplier_lot, l.expiry, "
         "l.best_before, "
         "l.unit_cost, l.status FROM balances b JOIN lots l ON l.id = b.lot_id JOIN items i ON i.id = "
         "l.item_id JOIN locations loc ON loc.id = b.location_id LEFT JOIN suppliers s ON s.id = "
         "l.supplier_id WHERE b.quantity <> 0 ORDER BY l.code, loc.code",
         {text("lot", 0), text("sku", 1), quantity("quantity", 2, 3), text("uom", 3), text("location", 4),
          text("supplier", 5), text("supplier_lot", 6), text("expiry", 7), text("best_before", 8),
          unitCost("unit_cost", 9, 3), text("status", 10)}},
        {"movements",
         "SELECT m.id, m.station_id, m.seq, m.at, m.user_name, m.kind, l.code, i.sku, m.quantity, i.uom, "
         "f.code, t.code, m.run_code, m.party, m.reference, m.reason, m.unit_cost, m.reverses, m.lot_status, "
         "m.approved_by, m.overridden, m.prev_hash, m.hash FROM movements m JOIN lots l ON l.id = m.lot_id "
         "JOIN items i ON i.id = l.item_id LEFT JOIN locations f ON f.id = m.from_location_id "
         "LEFT JOIN locations t ON t.id = m.to_location_id ORDER BY m.pos",
         {text("id", 0),
          text("station_id", 1),
          text("seq", 2),
          text("at", 3),
          text("user", 4),
          text("kind", 5),
          text("lot", 6),
          text("sku", 7),
          quantity("quantity", 8, 9),
          text("uom", 9),
          text("from", 10),
          text("to", 11),
          text("run", 12),
          text("party", 13),
          text("reference", 14),
          text("reason", 15),
          unitCost("unit_cost", 16, 9),
          text("reverses", 17),
          text("lot_status", 18),
          text("approved_by", 19),
          text("overridden", 20),
          text("prev_hash", 21),
          text("hash", 22)}},
        {"locations",
         "SELECT code, name, kind FROM locations ORDER BY code",
         {text("code", 0), text("name", 1), text("kind", 2)}},
        {"suppliers", "SELECT code, name FROM suppliers ORDER BY code", {text("code", 0), text("name", 1)}},
        {"customers", "SELECT code, name FROM customers ORDER BY code", {text("code", 0), text("name", 1)}},
        {"runs",
         "SELECT r.code, i.sku, r.planned, r.actual, i.uom, w.code, r.operator, r.started_at, r.finished_at, "
         "r.status, l.code FROM runs r JOIN items i ON i.id = r.item_id LEFT JOIN locations w ON w.id = "
         "r.workstation_id LEFT JOIN lots l ON l.id = r.output_lot_id ORDER BY r.code",
         {text("run", 0), text("sku", 1), quantity("planned", 2, 4), quantity("actual", 3, 4), text("uom", 4),
          text("workstation", 5), text("operator", 6), text("started_at", 7), text("finished_at", 8),
          text("status", 9), text("output_lot", 10)}},
        {"recipes",
         "SELECT i.sku, r.output_quantity, i.uom, c.sku, rc.quantity, c.uom FROM recipes r "
         "JOIN items i ON i.id = r.item_id JOIN recipe_components rc ON rc.item_id = r.item_id "
         "JOIN items c ON c.id = rc.component_id ORDER BY i.sku, c.sku",
         {text("sku", 0), quantity("output_quantity", 1, 2), text("uom", 2), text("component_sku", 3),
          quantity("component_quantity", 4, 5), text("component_uom", 5)}},
        {"users",
         "SELECT name, role, badge, CASE WHEN pin_hash IS NULL THEN 'no' ELSE 'yes' END FROM users "
         "ORDER BY name",
         {text("name", 0), text("role", 1), text("badge", 2), text("has_pin", 3)}},
    };
}

} // namespace

std::vector<std::string> exportTables() {
    std::vector<std::string> names;
    for (const auto& spec : specs())
        names.push_back(spec.name);
    return names;
}

Result<std::string> exportCsv(const Ledger& ledger, std::string_view table, const Progress& progress) {
    auto& core = LedgerAccess::core(ledger);
    for (const auto& spec : specs()) {
        if (spec.name != table) continue;
        return guarded([&]() -> Result<std::string> {
            Row header;
            for (const auto& column : spec.columns)
                header.push_back(column.name);
            std::string out = csvRow(header);
            std::int64_t total = -1;
            if (progress) {
                auto count = core.db.prepare("SELECT count(*) FROM (" + std::string(spec.sql) + ")");
                if (count.step()) total = count.int64(0);
            }
            ProgressTicker ticker(progress, total, 4096);
            auto s = core.db.prepare(spec.sql);
            while (s.step()) {
                if (!ticker.tick()) return cancelled("the export");
                Row row;
                for (const auto& column : spec.columns)
                    row.push_back(column.value(s));
                out += csvRow(row);
            }
            if (!ticker.finish()) return cancelled("the export");
            return out;
        });
    }
    std::string names;
    for (const auto& name : exportTables())
        names += (names.empty() ? "" : ", ") + name;
    return fail(ErrorKind::Invalid, "no table '" + std::string(table) + "' to export (" + names + ")");
}

} // namespace lotstation::storage
