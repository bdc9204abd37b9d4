// Importing items and lots (opening balances) from a spreadsheet's CSV: every row is checked first, every
// problem named by line and column, and only a clean file is written — in one transaction.
#include "lotstation/formats/gtin.hpp"
#include "import_master.hpp"
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/master_data.hpp"
#include "rows.hpp"
#include "table_reader.hpp"
#include "write_rows.hpp"
#include "validation.hpp"

#include <charconv>
#include <map>
#include <set>

namespace lotstation::storage {
namespace {

using csv::Problems;
using csv::Table;

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

std::string lower(std::string text) {
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::optional<bool> parseFlag(const std::string& text) {
    const auto value = lower(text);
    if (value.empty() || value == "yes" || value == "y" || value == "true" || value == "1") return true;
    if (value == "no" || value == "n" || value == "false" || value == "0") return false;
    return std::nullopt;
}

std::optional<int> parseDays(const std::string& text) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || value < 0) return std::nullopt;
    return value;
}

// Reads an optional cell with `parse`; a problem names the column when it fails.
template <typename T, typename Parse>
std::optional<T> optionalCell(const Table& table, const CsvRecord& row, const std::string& column,
                              Problems& problems, Parse parse) {
    const auto text = table.cell(row, column);
    if (text.empty()) return std::nullopt;
    Result<T> value = parse(text);
    if (!value) {
        problems.add(row, column, value.error().message);
        return std::nullopt;
    }
    return *value;
}

// ---- items
// -------------------------------------------------------------------------------------------------

Result<ImportSummary> importItems(Ledger& ledger, LedgerCore& core, std::string_view text,
                                  const ImportOptions& options) {
    const bool update = options.update;
    auto table = Table::read(text,
                             {"sku", "name", "kind", "uom", "gtin", "lot_tracked", "shelf_life_days",
                              "default_location", "reorder_point"},
                             {"sku", "name", "uom"});
    if (!table) return std::unexpected(table.error());
    Problems problems;
    std::vector<std::pair<std::size_t, NewItem>> items;
    std::set<std::string> existing;                 // lower-case SKUs changed rather than added (update)
    std::map<std::string, std::size_t> skus, gtins; // lower-case SKU / GTIN -> line
    for (const auto& row : table->rows()) {
        NewItem item;
        const auto sku = validCode(table->cell(row, "sku"), "SKU");
        if (!sku) {
            problems.add(row, "sku", sku.error().message);
        } else if (auto [at, fresh] = skus.emplace(lower(*sku), row.line); !fresh) {
            problems.add(row, "sku", "SKU " + *sku + " is already on line " + std::to_string(at->second));
        } else if (findItem(core, *sku) && !update) {
            problems.add(row, "sku", "item " + *sku + " already exists (import with update to change it)");
        } else {
            if (findItem(core, *sku)) existing.insert(lower(*sku));
            item.sku = *sku;
        }
        item.name = table->cell(row, "name");
        if (item.name.empty()) problems.add(row, "name", "a name is required");
        const auto uomText = table->cell(row, "uom");
        if (auto uom = parseUom(lower(uomText)))
            item.uom = *uom;
        else
            problems.add(row, "uom", quoted(uomText) + " is not g, ml or pc");
        const auto kindText = table->cell(row, "kind");
        if (!kindText.empty()) {
            if (auto kind = parseItemKind(lower(kindText)))
                item.kind = *kind;
            else
                problems.add(row, "kind",
                             quoted(kindText) + " is not raw, packaging, intermediate or finished");
        }
        item.gtin = optionalCell<std::string>(*table, row, "gtin", problems,
                                              [](const std::string& t) { return formats::normaliseGtin(t); });
        if (item.gtin) {
            if (auto [at, fresh] = gtins.emplace(*item.gtin, row.line); !fresh)
                problems.add(row, "gtin",
                             "GTIN " + *item.gtin + " is already on line " + std::to_string(at->second));
            else if (auto other = findItemGtin(core, *item.gtin); other && lower(*other) != lower(item.sku))
                problems.add(row, "gtin", "GTIN " + *item.gtin + " already belongs to item " + *other);
        }
        const auto tracked = table->cell(row, "lot_tracked");
        if (auto flag = parseFlag(tracked))
            item.lotTracked = *flag;
        else
            problems.add(row, "lot_tracked", quoted(tracked) + " is not yes or no");
        const auto days = table->cell(row, "shelf_life_days");
        if (!days.empty()) {
            if (auto value = parseDays(days))
                item.shelfLifeDays = *value;
            else
                problems.add(row, "shelf_life_days", quoted(days) + " is not a whole number of days");
        }
        const auto location = table->cell(row, "default_location");
        if (!location.empty()) {
            if (auto found = findLocation(core, location))
                item.defaultLocation = found->location.code;
            else
                problems.add(row, "default_location", "no location " + location);
        }
        const auto reorder = table->cell(row, "reorder_point");
        if (!reorder.empty()) {
            if (auto value = parseQuantity(reorder, item.uom, item.sku); !value)
                problems.add(row, "reorder_point", value.error().message);
            else if (*value < 0)
                problems.add(row, "reorder_point", "a reorder point cannot be negative");
            else
                item.reorderPoint = *value;
        }
        items.emplace_back(row.line, std::move(item));
    }
    if (!problems.empty()) return std::unexpected(problems.error());

    return csv::writeAll(ledger, *table, items, options.progress, [&](const NewItem& item) -> Result<std::string> {
        auto added = existing.contains(lower(item.sku)) ? updateItem(ledger, item) : ledger.addItem(item);
        if (!added) return std::unexpected(added.error());
        return added->sku;
    });
}

// ---- lots
// --------------------------------------------------------------------------------------------------

Result<ImportSummary> importLots(Ledger& ledger, LedgerCore& core, std::string_view text,
                                 const ImportOptions& options) {
    auto user = requireUser(core, options.user);
    if (!user) return std::unexpected(user.error());
    auto table = Table::read(text,
                             {"lot", "sku", "quantity", "supplier", "supplier_lot", "location", "expiry",
                              "best_before", "unit_cost", "reference"},
                             {"sku", "quantity", "supplier", "supplier_lot"});
    if (!table) return std::unexpected(table.error());
    Problems problems;
    std::vector<std::pair<std::size_t, ReceiveRequest>> lots; // line, what it receives
    // lower-case lot code -> (line, "supplier/sku/supplier lot"): the same code again must be the same lot
    std::map<std::string, std::pair<std::size_t, std::string>> codes;
    for (const auto& row : table->rows()) {
        auto& r = lots.emplace_back(row.line, ReceiveRequest{}).second;
        r.user = user->name;
        const auto skuText = table->cell(row, "sku");
        std::optional<ItemRow> item;
        if (skuText.empty())
            problems.add(row, "sku", "a SKU is required");
        else if (!(item = findItem(core, skuText)))
            problems.add(row, "sku", "no item " + skuText);
        else
            r.sku = item->item.sku;
        const auto quantity = table->cell(row, "quantity");
        if (item) {
            auto value = parseQuantity(quantity, item->item.uom, item->item.sku);
            if (!value)
                problems.add(row, "quantity", value.error().message);
            else if (*value <= 0)
                problems.add(row, "quantity", "the quantity must be more than zero");
            else
                r.quantity = *value;
        }
        const auto supplier = table->cell(row, "supplier");
        if (supplier.empty())
            problems.add(row, "supplier", "a supplier is required");
        else if (auto found = findSupplier(core, supplier))
            r.supplier = found->party.code;
        else
            problems.add(row, "supplier", "no supplier " + supplier);
        if (auto code = validCode(table->cell(row, "supplier_lot"), "supplier lot code"))
            r.supplierLot = *code;
        else
            problems.add(row, "supplier_lot", code.error().message);
        const auto lotText = table->cell(row, "lot");
        if (!lotText.empty()) {
            const auto identity = lower(r.supplier + "/" + r.sku + "/" + r.supplierLot);
            if (auto code = validCode(lotText, "lot code"); !code) {
                problems.add(row, "lot", code.error().message);
            } else if (auto [at, fresh] = codes.emplace(lower(*code), std::pair{row.line, identity});
                       !fresh && at->second.second != identity) {
                problems.add(row, "lot",
                             "lot " + *code + " is already on line " + std::to_string(at->second.first) +
                                 " for another item or supplier lot");
            } else if (fresh && findLot(core, *code)) {
                problems.add(row, "lot", "lot code " + *code + " already exists");
            } else {
                r.lotCode = *code;
            }
        }
        const auto location = table->cell(row, "location");
        if (!location.empty()) {
            if (auto found = findLocation(core, location))
                r.location = found->location.code;
            else
                problems.add(row, "location", "no location " + location);
        } else if (item && !item->item.defaultLocation) {
            problems.add(row, "location",
                         "no location given and " + item->item.sku + " has no default location");
        }
        r.expiry = optionalCell<Date>(*table, row, "expiry", problems,
                                      [](const std::string& t) { return parseDate(t); });
        r.bestBefore = optionalCell<Date>(*table, row, "best_before", problems,
                                          [](const std::string& t) { return parseDate(t); });
        if (item) {
            const auto uom = item->item.uom;
            r.unitCost = optionalCell<Micros>(*table, row, "unit_cost", problems,
                                              [uom](const std::string& t) { return parseUnitCost(t, uom); });
        }
        if (auto reference = table->cell(row, "reference"); !reference.empty()) r.reference = reference;
    }
    if (!problems.empty()) return std::unexpected(problems.error());

    return csv::writeAll(ledger, *table, lots, options.progress,
                         [&](const ReceiveRequest& request) -> Result<std::string> {
                             auto received = ledger.receive(request);
                             if (!received) return std::unexpected(received.error());
                             return received->lotCode;
                         });
}

} // namespace

Result<ImportKind> parseImportKind(std::string_view text) {
    const auto value = lower(std::string(text));
    if (value == "items") return ImportKind::Items;
    if (value == "lots") return ImportKind::Lots;
    if (value == "locations") return ImportKind::Locations;
    if (value == "suppliers") return ImportKind::Suppliers;
    if (value == "customers") return ImportKind::Customers;
    if (value == "users") return ImportKind::Users;
    if (value == "recipes") return ImportKind::Recipes;
    return fail(ErrorKind::Invalid, "'" + std::string(text) +
                                        "' is not something to import (items, lots, locations, suppliers, "
                                        "customers, users or recipes)");
}

Result<ImportSummary> importCsv(Ledger& ledger, ImportKind kind, std::string_view text,
                                const ImportOptions& options) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<ImportSummary> {
        switch (kind) {
        case ImportKind::Items:
            return importItems(ledger, core, text, options);
        case ImportKind::Lots:
            return importLots(ledger, core, text, options);
        case ImportKind::Locations:
            return csv::importLocations(ledger, core, text, options);
        case ImportKind::Suppliers:
            return csv::importParties(ledger, core, text, true, options);
        case ImportKind::Customers:
            return csv::importParties(ledger, core, text, false, options);
        case ImportKind::Users:
            return csv::importUsers(ledger, core, text, options);
        case ImportKind::Recipes:
            return csv::importRecipes(ledger, core, text, options);
        }
        return fail(ErrorKind::Invalid, "unknown import kind");
    });
}

} // namespace lotstation::storage
