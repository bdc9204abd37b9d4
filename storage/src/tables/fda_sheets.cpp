// The recall's critical tracking events laid out as FDA's sortable spreadsheet (fda_sheets.hpp).
#include "lotstation/storage/fda_sheets.hpp"

#include "../queries/critical_events.hpp"
#include "../rows.hpp"
#include "lotstation/storage/csv.hpp"

#include <algorithm>
#include <tuple>

namespace lotstation::storage {
namespace {

using namespace queries;

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
            const auto events = criticalEvents(core, row->id);
            // Where the lot got its traceability lot code: where its receipt or production put it.
            std::string source;
            for (const auto& e : events)
                if (e.kind != EventKind::Shipping && source.empty()) source = e.to;
            const std::string unit = toString(lot.uom);
            for (const auto& e : events) {
                const auto date = dateOf(Timestamp{std::chrono::milliseconds{e.atMs}});
                const auto quantity = decimal(e.quantity, lot.uom);
                switch (e.kind) {
                case EventKind::Receiving:
                    received.push_back({e.atMs, e.pos,
                                        {lot.code, quantity, unit, product, text(e.party), text(e.to), date,
                                         text(source), text(lot.supplierLot.value_or("")),
                                         e.reference ? "purchase order / delivery note" : "ledger movement",
                                         e.reference.value_or(e.movementId), e.movementId}});
                    break;
                case EventKind::Shipping:
                    shipped.push_back({e.atMs, e.pos,
                                       {lot.code, quantity, unit, product, text(e.party), text(e.from), date,
                                        text(source), e.reference ? "sales order" : "ledger movement",
                                        e.reference.value_or(e.movementId), e.movementId}});
                    break;
                case EventKind::Transformation:
                    if (!e.run) break;
                    for (const auto& input : runInputs(core, *e.run))
                        transformed.push_back({e.atMs, e.pos,
                                               {input.lot, input.itemName + " (" + input.sku + ")",
                                                decimal(input.quantity, input.uom), std::string(toString(input.uom)),
                                                lot.code, product, quantity, unit, text(e.to), date,
                                                "production run", *e.run, e.movementId}});
                    break;
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
        return std::vector<Table>{std::move(receiving), std::move(transformation), std::move(shipping)};
    });
}

} // namespace lotstation::storage
