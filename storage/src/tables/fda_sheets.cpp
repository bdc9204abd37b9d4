// The recall's critical tracking events laid out as FDA's sortable spreadsheet (fda_sheets.hpp).
#include "lotstation/storage/fda_sheets.hpp"

#include "../queries/query_rows.hpp"
#include "../rows.hpp"
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/quality.hpp"

#include <algorithm>
#include <tuple>

namespace lotstation::storage {
namespace {

using queries::parsedOr;

std::string described(const std::optional<std::string>& code, const std::optional<std::string>& name) {
    if (!code) return {};
    if (!name || name->empty() || *name == *code) return *code;
    return *code + " " + *name;
}

Cell decimal(std::int64_t baseUnits, Uom uom) {
    const auto text = decimalQuantity(baseUnits, uom);
    if (text.find('.') == std::string::npos) return static_cast<std::int64_t>(std::stoll(text));
    return DecimalCell{text};
}

Cell text(const std::string& value) {
    return value.empty() ? Cell(std::monostate{}) : Cell(value);
}

struct Sorted {
    std::int64_t atMs = 0;
    std::int64_t pos = 0;
    std::vector<Cell> cells;
};

// Where a lot got its traceability lot code: the location its receipt or production put it.
std::string tlcSource(LedgerCore& core, std::int64_t lotId) {
    auto s = core.db.cached("SELECT t.code, t.name FROM movements m JOIN locations t ON t.id = m.to_location_id "
                            "WHERE m.lot_id = ?1 AND m.kind IN ('receive', 'produce') ORDER BY m.pos LIMIT 1");
    s.bindAll(lotId);
    return s.step() ? described(s.optText(0), s.optText(1)) : std::string();
}

// Not one of FDA's tabs: the affected lots' inspections, QC dispositions and documents (qualityHistory), so
// the quality story travels with the traceability records.
Table qualitySheet(const Ledger& ledger, const RecallReport& report) {
    Table quality{.name = "Quality",
                  .headers = {"Traceability Lot Code (TLC)", "Product Description", "Date", "Record", "By",
                              "Summary", "Reference Document Type", "Reference Document Number", "Movement ID"}};
    std::vector<std::string> codes;
    for (const auto& lot : report.trace.lots)
        codes.push_back(lot.code);
    for (const auto& q : qualityHistory(ledger, codes)) {
        const auto lot = std::ranges::find(report.trace.lots, q.lot, &TraceLot::code);
        if (lot == report.trace.lots.end()) continue;
        quality.rows.push_back({q.lot, lot->itemName + " (" + lot->sku + ")", dateOf(q.at), q.kind, text(q.by),
                                q.summary, q.referenceType, q.reference, text(q.movementId.value_or(""))});
    }
    return quality;
}

} // namespace

Result<std::vector<Table>> fdaSheets(const Ledger& ledger, const RecallReport& report) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<Table>> {
        Table receiving{.name = "Receiving",
                        .headers = {"Traceability Lot Code (TLC)", "Quantity", "Unit of Measure", "Product Description",
                                    "Immediate Previous Source", "Receiving Location", "Date Received",
                                    "TLC Source Location", "Supplier Lot Code", "Reference Document Type",
                                    "Reference Document Number", "Movement ID"}};
        Table transformation{.name = "Transformation",
                             .headers = {"Input TLC", "Input Product Description", "Input Quantity",
                                         "Input Unit of Measure", "New TLC", "New Product Description", "New Quantity",
                                         "New Unit of Measure", "Transformation Location (TLC Source)",
                                         "Date Transformation Completed", "Reference Document Type",
                                         "Reference Document Number", "Movement ID"}};
        Table shipping{.name = "Shipping",
                       .headers = {"Traceability Lot Code (TLC)", "Quantity", "Unit of Measure", "Product Description",
                                   "Immediate Subsequent Recipient", "Ship-From Location", "Ship Date",
                                   "TLC Source Location", "Reference Document Type", "Reference Document Number",
                                   "Movement ID"}};
        std::vector<Sorted> received, transformed, shipped;
        for (const auto& lot : report.trace.lots) {
            auto row = findLot(core, lot.code);
            if (!row) continue;
            const std::string product = lot.itemName + " (" + lot.sku + ")";
            const auto source = tlcSource(core, row->id);
            auto s = core.db.prepare(
                "SELECT c.id, c.kind, c.at_ms, c.pos, c.quantity, c.party, c.reference, c.run_code, "
                "f.code, f.name, t.code, t.name, coalesce(su.name, cu.name) FROM movements c "
                "LEFT JOIN locations f ON f.id = c.from_location_id LEFT JOIN locations t ON t.id = "
                "c.to_location_id LEFT JOIN suppliers su ON c.kind = 'receive' AND su.code = c.party "
                "LEFT JOIN customers cu ON c.kind = 'ship' AND cu.code = c.party "
                "WHERE c.lot_id = ?1 AND c.kind IN ('receive', 'produce', 'ship') "
                "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id) ORDER BY c.pos");
            s.bindAll(row->id);
            while (s.step()) {
                const auto kind = s.text(1);
                const auto date = dateOf(Timestamp{std::chrono::milliseconds{s.int64(2)}});
                const auto reference = s.optText(6);
                const auto quantity = decimal(s.int64(4), lot.uom);
                const std::string unit = toString(lot.uom);
                if (kind == "receive") {
                    received.push_back({s.int64(2), s.int64(3),
                                        {lot.code, quantity, unit, product, text(described(s.optText(5), s.optText(12))),
                                         text(described(s.optText(10), s.optText(11))), date, text(source),
                                         text(lot.supplierLot.value_or("")),
                                         reference ? "purchase order / delivery note" : "ledger movement",
                                         reference.value_or(s.text(0)), s.text(0)}});
                } else if (kind == "ship") {
                    shipped.push_back({s.int64(2), s.int64(3),
                                       {lot.code, quantity, unit, product, text(described(s.optText(5), s.optText(12))),
                                        text(described(s.optText(8), s.optText(9))), date, text(source),
                                        reference ? "sales order" : "ledger movement", reference.value_or(s.text(0)),
                                        s.text(0)}});
                } else if (const auto run = s.optText(7)) {
                    auto inputs = core.db.prepare(
                        "SELECT l.code, i.name, i.sku, i.uom, sum(c.quantity) FROM movements c JOIN lots l ON "
                        "l.id = c.lot_id JOIN items i ON i.id = l.item_id WHERE c.run_code = ?1 AND c.kind = "
                        "'consume' AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id) "
                        "GROUP BY l.id ORDER BY l.code");
                    inputs.bindAll(*run);
                    while (inputs.step()) {
                        const auto uom = parsedOr(parseUom(inputs.text(3)), Uom::Gram);
                        transformed.push_back({s.int64(2), s.int64(3),
                                               {inputs.text(0), inputs.text(1) + " (" + inputs.text(2) + ")",
                                                decimal(inputs.int64(4), uom), std::string(toString(uom)), lot.code,
                                                product, quantity, unit, text(described(s.optText(10), s.optText(11))),
                                                date, "production run", *run, s.text(0)}});
                    }
                }
            }
        }
        const auto fill = [](Table& table, std::vector<Sorted>& rows) {
            std::ranges::stable_sort(rows, [](const Sorted& a, const Sorted& b) {
                return std::tie(a.atMs, a.pos) < std::tie(b.atMs, b.pos);
            });
            for (auto& row : rows)
                table.rows.push_back(std::move(row.cells));
        };
        fill(receiving, received);
        fill(transformation, transformed);
        fill(shipping, shipped);
        return std::vector<Table>{std::move(receiving), std::move(transformation), std::move(shipping),
                                  qualitySheet(ledger, report)};
    });
}

} // namespace lotstation::storage
