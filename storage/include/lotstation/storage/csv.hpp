#pragma once
// CSV in and out of the ledger: how a business moves off its spreadsheet, and how it takes its data anywhere.
//
// Reading follows RFC 4180 and what spreadsheets really write: quoted fields with embedded commas, quotes
// ("") and newlines, CRLF or LF line ends, a UTF-8 byte-order mark, a final line with or without its line
// end. Header names are matched case-insensitively (spaces and '-' count as '_'). Writing quotes a field when
// it holds a comma, quote, CR or LF, or starts or ends with a space, and ends lines with CRLF.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/progress.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

struct CsvRecord {
    std::size_t line = 0; // the line the record starts on (1-based)
    std::vector<std::string> fields;
};

// Every record, the header included. Refused: a quote inside an unquoted field, text after a closing quote,
// a quoted field never closed, invalid UTF-8 — each naming its line.
[[nodiscard]] Result<std::vector<CsvRecord>> parseCsv(std::string_view text);

[[nodiscard]] std::string csvField(std::string_view value);
[[nodiscard]] std::string csvRow(const std::vector<std::string>& fields); // with "\r\n"

// --- import ------------------------------------------------------------------------------------------------
// items: sku, name, uom (g|ml|pc) required; kind (raw|packaging|intermediate|finished, default raw), gtin,
//        lot_tracked (yes/no, true/false, 1/0; default yes), shelf_life_days, default_location,
//        reorder_point (a quantity like 5kg) optional.
// lots:  sku, quantity (like 2.5kg, 750ml, 12), supplier, supplier_lot required; lot (our lot code; default
//        generated), location (default the item's default location), expiry, best_before (YYYY-MM-DD),
//        unit_cost (like 4.20/kg), reference optional. Each row is received as an opening balance.
// locations: code required; name, kind (dock|store|workstation|quarantine|finished|shipped, default store).
// suppliers, customers: code required; name.
// users: name required; role (operator|supervisor|admin, default operator), badge, pin (hashed on import).
// recipes: sku, output_quantity, component_sku, component_quantity required, one row per component (the
//        rows of one sku form its recipe; quantities like 1kg or 500 in the item's unit).
// Columns the export writes beside these (uom, component_uom, has_pin) are accepted and ignored.
// A row naming a record that exists is refused, unless ImportOptions::update: then it changes the record
// (items: every column; users: role and badge as given, the PIN only when one is given; recipes: replaced).
// Every row is validated first; a bad row names its line and column ("line 7, column 'uom': 'kgs' is not g,
// ml or pc"), every problem is listed (one per line of the message) and NOTHING is imported. Good rows are
// then written in one transaction, so a failure there also leaves nothing behind. Unknown columns are
// ignored and reported (an export carries columns an import does not need).
enum class ImportKind { Items, Lots, Locations, Suppliers, Customers, Users, Recipes };

struct ImportOptions {
    std::string user;    // recorded on every movement (lots)
    bool update = false; // existing records are changed instead of refused (not lots)
    // users: added by the central administration (the sync server's console) rather than by `user`, who
    // must otherwise be an admin once the ledger has one.
    bool central = false;
    Progress progress{}; // rows written of all; false stops the import, which then writes nothing
};

struct ImportSummary {
    std::size_t rows = 0;
    std::vector<std::string> created;        // SKUs or lot codes, in file order
    std::vector<std::string> ignoredColumns; // as written in the header
};

[[nodiscard]] Result<ImportSummary> importCsv(Ledger& ledger, ImportKind kind, std::string_view text,
                                              const ImportOptions& options = {});
// "items", "lots", "locations", "suppliers", "customers", "users", "recipes"
[[nodiscard]] Result<ImportKind> parseImportKind(std::string_view text);

// --- export ------------------------------------------------------------------------------------------------
// Tables: items, lots, stock (balances: one row per lot and location, in the lots import's columns),
// movements, locations, suppliers, customers, runs, recipes, users (no PIN hashes). Codes, never row ids;
// quantities as exact decimals in the item's unit with the unit in its own column; money as decimals.
// items and stock re-import with importCsv (items, lots).
[[nodiscard]] std::vector<std::string> exportTables();
// `progress`: rows read of all; false stops it (nothing is returned, so no file is written).
[[nodiscard]] Result<std::string> exportCsv(const Ledger& ledger, std::string_view table,
                                            const Progress& progress = {});

// Exact decimal of base units in the item's display unit: 2500500 mg → "2500.5" (g), 12 pc → "12".
[[nodiscard]] std::string decimalQuantity(std::int64_t baseUnits, Uom uom);

} // namespace lotstation::storage
