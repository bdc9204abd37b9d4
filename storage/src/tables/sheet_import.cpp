// A sheet becomes CSV text for the one import (see sheet_import.hpp); prices and sales orders are imported here.
#include "lotstation/storage/sheet_import.hpp"

#include "../decimal.hpp"
#include "lotstation/storage/sales.hpp"
#include "lotstation/storage/sales_orders.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

namespace lotstation::storage {
namespace {

std::string normalised(std::string_view header) {
    std::string out;
    for (char c : trim(header)) {
        const auto u = static_cast<unsigned char>(c);
        if (c == ' ' || c == '-' || c == '_' || c == '.') {
            if (!out.empty() && out.back() != '_') out += '_';
        } else if (c == '(' || c == ')' || c == '#') {
            continue;
        } else {
            out += static_cast<char>(std::tolower(u));
        }
    }
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    return out;
}

// Synonym -> the import's column name. Kinds keyed by `code` (locations, suppliers, customers) keep "code".
const std::map<std::string, std::string>& synonyms() {
    static const std::map<std::string, std::string> table{
        {"item", "sku"}, {"item_code", "sku"}, {"product_code", "sku"}, {"product", "sku"}, {"article", "sku"},
        {"unit", "uom"}, {"units", "uom"}, {"unit_of_measure", "uom"}, {"uom", "uom"},
        {"description", "name"}, {"item_name", "name"}, {"product_name", "name"},
        {"qty", "quantity"}, {"amount", "quantity"}, {"quantity_on_hand", "quantity"},
        {"supplier_lot_code", "supplier_lot"}, {"batch", "supplier_lot"}, {"batch_number", "supplier_lot"},
        {"lot_number", "supplier_lot"}, {"vendor", "supplier"}, {"supplier_code", "supplier"},
        {"expiry_date", "expiry"}, {"expires", "expiry"}, {"use_by", "expiry"}, {"expiration_date", "expiry"},
        {"best_before_date", "best_before"}, {"bbd", "best_before"},
        {"cost", "unit_cost"}, {"cost_per_unit", "unit_cost"},
        {"shelf_life", "shelf_life_days"}, {"location", "default_location"},
        {"client", "customer"}, {"customer_code", "customer"},
        {"unit_price", "price"}, {"sell_price", "price"}, {"selling_price", "price"},
        {"component", "component_sku"}, {"ingredient", "component_sku"},
        {"component_qty", "component_quantity"}, {"ingredient_quantity", "component_quantity"},
        {"batch_size", "output_quantity"}, {"output", "output_quantity"}, {"yield", "output_quantity"},
        {"gtin_ean", "gtin"}, {"ean", "gtin"}, {"barcode", "gtin"},
    };
    return table;
}

std::string canonicalHeader(std::string_view header, std::string_view kind) {
    auto name = normalised(header);
    if (kind != "items" && name == "location") return "location";
    if (kind == "lots" && (name == "unit" || name == "uom" || name == "units")) return "unit";
    if ((kind == "prices" || kind == "orders") && (name == "unit" || name == "uom")) return "unit";
    if (kind == "orders") {
        for (const auto* alias : {"order_number", "order_no", "order_reference", "reference", "sales_order", "po",
                                  "po_number", "purchase_order"})
            if (name == alias) return "order";
        for (const auto* alias : {"due_date", "delivery_date", "deliver_by", "ship_by"})
            if (name == alias) return "due";
    }
    const auto found = synonyms().find(name);
    return found == synonyms().end() ? name : found->second;
}

// Spreadsheet numbers are doubles: show them as a spreadsheet does (15 significant digits), exactly in text.
std::string cleanNumber(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !std::isfinite(value)) return text;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    std::string out(buffer);
    if (out.find('e') == std::string::npos) return out;
    std::snprintf(buffer, sizeof buffer, "%.9f", value); // small or large: plain digits for the exact parsers
    out = buffer;
    while (out.find('.') != std::string::npos && (out.back() == '0' || out.back() == '.')) {
        const bool dot = out.back() == '.';
        out.pop_back();
        if (dot) break;
    }
    return out;
}

// Serial day numbers of the 1900 date system (day 1 = 1900-01-01, with Excel's phantom 1900-02-29).
std::optional<std::string> serialDate(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || value < 61 || value > 2'958'465) return std::nullopt;
    const auto days = static_cast<int>(std::floor(value));
    const std::chrono::sys_days epoch{std::chrono::year{1899} / 12 / 30};
    return formatDate(Date{epoch + std::chrono::days{days}});
}

std::string uomWord(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (text == "kg" || text == "kilogram" || text == "kilograms" || text == "gram" || text == "grams") return "g";
    if (text == "l" || text == "litre" || text == "liter" || text == "litres" || text == "liters" || text == "millilitre") return "ml";
    if (text == "pcs" || text == "piece" || text == "pieces" || text == "each" || text == "ea" || text == "unit" || text == "units")
        return "pc";
    return text;
}

bool isDateColumn(const std::string& column) {
    return column == "expiry" || column == "best_before" || column == "due";
}

} // namespace

Result<std::string> sheetToCsv(const Sheet& sheet, std::string_view kind) {
    if (sheet.rows.empty() || sheet.rows.front().empty())
        return fail(ErrorKind::Invalid, "sheet '" + sheet.name + "' is empty: row 1 should name the columns");
    std::vector<std::string> headers;
    for (const auto& cell : sheet.rows.front())
        headers.push_back(canonicalHeader(cell.text, kind));
    const auto unitColumn = std::find(headers.begin(), headers.end(), "unit") - headers.begin();
    const bool hasUnit = static_cast<std::size_t>(unitColumn) < headers.size();
    std::string out;
    {
        std::vector<std::string> shown;
        for (std::size_t c = 0; c < headers.size(); ++c)
            if (!(hasUnit && static_cast<std::ptrdiff_t>(c) == unitColumn)) shown.push_back(headers[c]);
        out += csvRow(shown);
    }
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        std::string unit;
        if (hasUnit && static_cast<std::size_t>(unitColumn) < row.size()) unit = std::string(trim(row[static_cast<std::size_t>(unitColumn)].text));
        std::vector<std::string> fields;
        for (std::size_t c = 0; c < headers.size(); ++c) {
            if (hasUnit && static_cast<std::ptrdiff_t>(c) == unitColumn) continue;
            std::string text = c < row.size() ? row[c].text : std::string();
            const bool number = c < row.size() && row[c].number;
            if (number && isDateColumn(headers[c])) {
                if (auto date = serialDate(text)) text = *date;
            } else if (number) {
                text = cleanNumber(text);
            }
            if (headers[c] == "uom" || headers[c] == "component_uom") text = uomWord(text);
            // A bare quantity or cost beside a "unit" column: 2.5 + kg is 2.5kg; 4.20 + kg is 4.20/kg.
            if (!unit.empty() && number && (headers[c] == "quantity" || headers[c] == "component_quantity" ||
                                            headers[c] == "output_quantity"))
                text += unit;
            if (!unit.empty() && number && (headers[c] == "unit_cost" || headers[c] == "price")) text += "/" + unit;
            // One record per sheet row keeps CSV line numbers equal to sheet row numbers.
            std::replace(text.begin(), text.end(), '\n', ' ');
            std::replace(text.begin(), text.end(), '\r', ' ');
            fields.push_back(std::move(text));
        }
        out += csvRow(fields);
    }
    return out;
}

namespace {

Error inSheet(const Error& error, const Sheet& sheet) {
    auto message = error.message;
    const std::string where = "sheet '" + sheet.name + "', row ";
    for (std::size_t at = 0; (at = message.find("line ", at)) != std::string::npos; at += where.size())
        message.replace(at, 5, where);
    return Error{error.kind, message};
}

} // namespace

Result<ImportSummary> importSheet(Ledger& ledger, ImportKind kind, const Sheet& sheet, const ImportOptions& options,
                                  bool dryRun) {
    static constexpr std::string_view kNames[] = {"items", "lots", "locations", "suppliers", "customers", "users", "recipes"};
    auto csv = sheetToCsv(sheet, kNames[static_cast<int>(kind)]);
    if (!csv) return std::unexpected(csv.error());
    ImportSummary summary;
    const auto attempt = [&]() -> Result<void> {
        auto imported = importCsv(ledger, kind, *csv, options);
        if (!imported) return std::unexpected(inSheet(imported.error(), sheet));
        summary = *imported;
        if (dryRun) return fail(ErrorKind::Refused, "dry run");
        return {};
    };
    auto done = ledger.atomically(attempt);
    if (!done && !(dryRun && done.error().message == "dry run")) return std::unexpected(done.error());
    return summary;
}

namespace {

// The rows of a CSV import by column name: the header matched to canonical names (canonicalHeader) once,
// the columns it needs checked, a cell read trimmed ("" when the row is short or the column absent).
class NamedColumns {
  public:
    static Result<NamedColumns> read(std::string_view csvText, std::string_view kind,
                                     std::initializer_list<const char*> required, const std::string& expected) {
        auto records = parseCsv(csvText);
        if (!records) return std::unexpected(records.error());
        if (records->empty()) return fail(ErrorKind::Invalid, "no header row: " + expected);
        NamedColumns out;
        for (std::size_t c = 0; c < records->front().fields.size(); ++c)
            out.m_columns[canonicalHeader(records->front().fields[c], kind)] = c;
        for (const auto* name : required)
            if (!out.m_columns.contains(name))
                return fail(ErrorKind::Invalid, std::string("column '") + name + "' is missing (" + expected + ")");
        records->erase(records->begin());
        std::erase_if(*records, [](const CsvRecord& row) {
            return std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return trim(f).empty(); });
        });
        out.m_rows = std::move(*records);
        return out;
    }
    [[nodiscard]] const std::vector<CsvRecord>& rows() const { return m_rows; } // blank rows left out
    [[nodiscard]] std::string cell(const CsvRecord& row, const std::string& column) const {
        const auto at = m_columns.find(column);
        return at == m_columns.end() || at->second >= row.fields.size() ? std::string()
                                                                        : std::string(trim(row.fields[at->second]));
    }

  private:
    std::map<std::string, std::size_t> m_columns;
    std::vector<CsvRecord> m_rows;
};

} // namespace

Result<std::size_t> importPrices(Ledger& ledger, std::string_view csvText, const std::string& user, bool dryRun,
                                 const std::string& where) {
    auto table = NamedColumns::read(csvText, "prices", {"customer", "sku", "price"}, "expected customer, sku, price");
    if (!table) return std::unexpected(table.error());
    const auto cell = [&](const CsvRecord& row, const std::string& column) { return table->cell(row, column); };
    std::vector<PriceRequest> requests;
    std::string problems;
    for (const auto& row : table->rows()) {
        const auto at = where + " " + std::to_string(row.line);
        const auto customer = cell(row, "customer");
        const auto sku = cell(row, "sku");
        auto priceText = cell(row, "price");
        if (const auto unit = cell(row, "unit"); !unit.empty() && priceText.find('/') == std::string::npos)
            priceText += "/" + unit;
        if (!ledger.customer(customer)) {
            problems += at + ", column 'customer': no customer '" + customer + "'\n";
            continue;
        }
        auto item = ledger.item(sku);
        if (!item) {
            problems += at + ", column 'sku': no item '" + sku + "'\n";
            continue;
        }
        auto price = parsePrice(ledger, priceText, item->uom);
        if (!price) {
            problems += at + ", column 'price': " + price.error().message + "\n";
            continue;
        }
        requests.push_back({.customer = customer, .sku = item->sku, .unitPrice = *price, .user = user});
    }
    if (!problems.empty()) {
        problems.pop_back();
        return fail(ErrorKind::Invalid, problems);
    }
    auto written = ledger.atomically([&]() -> Result<void> {
        for (const auto& request : requests)
            if (auto set = setCustomerPrice(ledger, request); !set) return std::unexpected(set.error());
        if (dryRun) return fail(ErrorKind::Refused, "dry run");
        return {};
    });
    if (!written && !(dryRun && written.error().message == "dry run")) return std::unexpected(written.error());
    return requests.size();
}

Result<OrdersImported> importOrders(Ledger& ledger, std::string_view csvText, const std::string& user, bool dryRun,
                                    const std::string& where) {
    auto table = NamedColumns::read(csvText, "orders", {"order", "customer", "sku", "quantity", "price"},
                                    "expected order, customer, sku, quantity, price (and due)");
    if (!table) return std::unexpected(table.error());
    const auto cell = [&](const CsvRecord& row, const std::string& column) { return table->cell(row, column); };
    // Rows of one order (its reference) become its lines, in the order the file first names each order.
    struct Pending {
        NewSalesOrder order;
        std::string firstAt; // "line 2": where the file starts it
    };
    std::vector<Pending> orders;
    std::map<std::string, std::size_t> byReference;
    std::string problems;
    for (const auto& row : table->rows()) {
        const auto at = where + " " + std::to_string(row.line);
        const auto reference = cell(row, "order");
        const auto customer = cell(row, "customer");
        const auto due = cell(row, "due");
        if (reference.empty()) {
            problems += at + ", column 'order': no order reference\n";
            continue;
        }
        if (!ledger.customer(customer)) {
            problems += at + ", column 'customer': no customer '" + customer + "'\n";
            continue;
        }
        auto quantity = cell(row, "quantity");
        auto price = cell(row, "price");
        if (const auto unit = cell(row, "unit"); !unit.empty()) {
            if (!quantity.empty() && std::all_of(quantity.begin(), quantity.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }))
                quantity += unit;
            if (!price.empty() && price.find('/') == std::string::npos) price += "/" + unit;
        }
        // The same rule as `order add SKU=QTY@PRICE`.
        auto line = parseOrderLine(ledger, cell(row, "sku") + "=" + quantity + "@" + price);
        if (!line) {
            problems += at + ": " + line.error().message + "\n";
            continue;
        }
        auto [known, added] = byReference.emplace(reference, orders.size());
        if (added) {
            orders.push_back({NewSalesOrder{.reference = reference,
                                            .customer = customer,
                                            .due = due.empty() ? std::nullopt : std::optional(due),
                                            .lines = {},
                                            .user = user},
                              at});
        }
        auto& order = orders[known->second].order;
        if (order.customer != customer) {
            problems += at + ", column 'customer': order " + reference + " is for " + order.customer + " (" +
                        orders[known->second].firstAt + "), not " + customer + "\n";
            continue;
        }
        if (!due.empty() && order.due && *order.due != due) {
            problems += at + ", column 'due': order " + reference + " is due " + *order.due + " (" +
                        orders[known->second].firstAt + "), not " + due + "\n";
            continue;
        }
        if (!order.due && !due.empty()) order.due = due;
        order.lines.push_back(*line);
    }
    if (!problems.empty()) {
        problems.pop_back();
        return fail(ErrorKind::Invalid, problems);
    }
    OrdersImported out;
    auto written = ledger.atomically([&]() -> Result<void> {
        for (const auto& pending : orders) {
            auto added = addSalesOrder(ledger, pending.order);
            if (!added)
                return fail(added.error().kind,
                            "order " + pending.order.reference + " (" + pending.firstAt + "): " + added.error().message);
            out.orders += 1;
            out.lines += pending.order.lines.size();
        }
        if (dryRun) return fail(ErrorKind::Refused, "dry run");
        return {};
    });
    if (!written && !(dryRun && written.error().message == "dry run")) return std::unexpected(written.error());
    return out;
}

} // namespace lotstation::storage
