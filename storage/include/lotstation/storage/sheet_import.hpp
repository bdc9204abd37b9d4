#pragma once
// Importing from a spreadsheet sheet: the sheet becomes the CSV the import already understands (one rule set
// for both), after the header is matched case-insensitively with common synonyms ("Item", "SKU", "Product
// code"; "Unit", "UoM"; "Qty"; "Expiry date", "Use by"; ...), units people use are read for the item's base
// unit (kg and l for g and ml items, "pcs" and "each" for pieces; a "unit" column beside a bare quantity or
// cost), dates stored as serial numbers become ISO dates, and numbers lose binary noise (15 significant
// digits, as a spreadsheet shows them). Problems name the sheet, row and column; nothing is imported unless
// every row is good. A dry run checks and counts everything inside a transaction it then rolls back.
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/workbook.hpp"

#include <string>
#include <string_view>

namespace lotstation::storage {

// kind: items, lots, locations, suppliers, customers, users, recipes or prices.
[[nodiscard]] Result<std::string> sheetToCsv(const Sheet& sheet, std::string_view kind);

[[nodiscard]] Result<ImportSummary> importSheet(Ledger& ledger, ImportKind kind, const Sheet& sheet,
                                                const ImportOptions& options, bool dryRun = false);

// prices: customer, sku, price (like 4.50/pc or 12/kg; a bare number with a "unit" column). All or nothing.
// `where` names the source in problems ("line" for a CSV file, "sheet 'Prices', row" for a sheet).
[[nodiscard]] Result<std::size_t> importPrices(Ledger& ledger, std::string_view csvText, const std::string& user,
                                               bool dryRun = false, const std::string& where = "line");

// orders: order, customer, sku, quantity, price, and due (optional): one row per line, the rows of one order
// reference make one sales order (as `order add`; quantities and prices read by the same rule, a "unit" column
// beside bare numbers as for prices). Every row is checked first; all orders or none.
struct OrdersImported {
    std::size_t orders = 0;
    std::size_t lines = 0;
};
[[nodiscard]] Result<OrdersImported> importOrders(Ledger& ledger, std::string_view csvText, const std::string& user,
                                                  bool dryRun = false, const std::string& where = "line");

} // namespace lotstation::storage
