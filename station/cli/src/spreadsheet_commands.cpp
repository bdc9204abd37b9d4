// Spreadsheets on the command line: import from .xlsx (and prices, and dry runs of any import), export any
// table to .xlsx, and FDA's sortable spreadsheet for a recall. Reached from import / export / recall.
#include "cli_context.hpp"
#include "lotstation/station/progress_meter.hpp"

#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/fda_sheets.hpp"
#include "lotstation/storage/sheet_import.hpp"
#include "lotstation/storage/table_file.hpp"
#include "lotstation/storage/workbook.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace lotstation::station::cli {
namespace {

std::string readText(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw CommandFailed("cannot read " + path);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 10; ++i)
        out += (i ? ", " : "") + names[i];
    if (names.size() > 10) out += ", ... (" + std::to_string(names.size() - 10) + " more)";
    return out;
}

} // namespace

bool isWorkbookPath(const std::string& path) {
    auto lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.ends_with(".xlsx");
}

int importSpreadsheet(const CliContext& context, const std::string& kind, const std::string& file,
                      const std::string& sheetName, bool dryRun) {
    auto ledger = context.openLedger();
    const bool workbook = isWorkbookPath(file);
    std::optional<storage::Sheet> sheet;
    if (workbook)
        sheet = unwrap(storage::readSheet(file, sheetName.empty() ? std::nullopt : std::optional(sheetName)));
    else if (!sheetName.empty())
        throw CommandFailed("--sheet is for .xlsx workbooks; " + file + " is read as CSV");
    const std::string source = sheet ? file + ", sheet '" + sheet->name + "'" : file;
    const std::string verb = dryRun ? "would import " : "imported ";

    if (kind == "prices") {
        const auto text = sheet ? unwrap(storage::sheetToCsv(*sheet, "prices")) : readText(file);
        const auto where = sheet ? "sheet '" + sheet->name + "', row" : std::string("line");
        const auto count = unwrap(storage::importPrices(ledger, text, context.user, dryRun, where));
        context.emit(verb + std::to_string(count) + " prices from " + source,
                     {{"rows", count}, {"dry_run", dryRun}});
        return 0;
    }
    if (kind == "orders") {
        const auto text = sheet ? unwrap(storage::sheetToCsv(*sheet, "orders")) : readText(file);
        const auto where = sheet ? "sheet '" + sheet->name + "', row" : std::string("line");
        const auto imported = unwrap(storage::importOrders(ledger, text, context.user, dryRun, where));
        const auto counted = [](std::size_t n, const char* one, const char* many) {
            return std::to_string(n) + " " + (n == 1 ? one : many);
        };
        context.emit(verb + counted(imported.orders, "order", "orders") + " (" +
                         counted(imported.lines, "line", "lines") + ") from " + source +
                         (dryRun ? "\n(dry run: nothing was written)" : ""),
                     {{"orders", imported.orders}, {"lines", imported.lines}, {"dry_run", dryRun}});
        return 0;
    }
    const auto importKind = unwrap(storage::parseImportKind(kind));
    storage::ImportSummary summary;
    ProgressMeter meter(context.err, dryRun ? "check" : "import", stderrIsTerminal());
    const storage::ImportOptions options{.user = context.user, .progress = meter.callback()};
    if (sheet) {
        summary = unwrap(storage::importSheet(ledger, importKind, *sheet, options, dryRun));
    } else {
        const auto text = readText(file);
        const auto done = ledger.atomically([&]() -> storage::Result<void> {
            auto imported = storage::importCsv(ledger, importKind, text, options);
            if (!imported) return std::unexpected(imported.error());
            summary = *imported;
            if (dryRun) return storage::fail(storage::ErrorKind::Refused, "dry run");
            return {};
        });
        if (!done && !(dryRun && done.error().message == "dry run")) throw CommandFailed(done.error().message);
    }
    std::string message = verb + std::to_string(summary.rows) + " " + kind + " from " + source;
    if (!summary.created.empty()) message += ": " + listed(summary.created);
    if (!summary.ignoredColumns.empty()) message += "\nignored columns: " + listed(summary.ignoredColumns);
    if (dryRun) message += "\n(dry run: nothing was written)";
    context.emit(message, {{"rows", summary.rows},
                           {"created", summary.created},
                           {"ignored_columns", summary.ignoredColumns},
                           {"dry_run", dryRun}});
    return 0;
}

int exportWorkbook(const CliContext& context, const std::string& table, const std::string& file) {
    auto ledger = context.openLedger();
    ProgressMeter meter(context.err, "export", stderrIsTerminal());
    const auto csv = unwrap(storage::exportCsv(ledger, table, meter.callback()));
    auto typed = unwrap(storage::tableFromCsv(csv, table));
    unwrap(storage::writeTables({typed}, file));
    context.emit("exported " + table + " to " + file, {{"table", table}, {"file", file}, {"rows", typed.rows.size()}});
    return 0;
}

void writeFdaWorkbook(const CliContext&, const storage::Ledger& ledger, const storage::RecallReport& report,
                      const std::string& file) {
    if (!isWorkbookPath(file)) throw CommandFailed("--fda writes an .xlsx workbook: name the file FILE.xlsx");
    const auto sheets = unwrap(storage::fdaSheets(ledger, report));
    unwrap(storage::writeXlsx(sheets, file));
}

} // namespace lotstation::station::cli
