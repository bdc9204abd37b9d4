// Moving data in and out: import items|lots FILE.csv, export TABLE FILE.csv.
#include "cli_context.hpp"
#include "lotstation/station/progress_meter.hpp"
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/table_file.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

namespace lotstation::station::cli {
namespace {

std::string readWholeFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw CommandFailed("cannot read " + path);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

void addImport(CLI::App& root, CliContext& context) {
    auto* import = root.add_subcommand(
        "import", "Import items or lots (opening balances) from a CSV file; all or nothing");
    struct Args {
        std::string kind, file, sheet;
        bool dryRun = false;
    };
    auto args = std::make_shared<Args>();
    import->add_option("KIND", args->kind, "items lots locations suppliers customers users recipes prices orders")
        ->required();
    import->add_option("FILE", args->file, "CSV file or .xlsx workbook with a header row")->required();
    import->add_option("--sheet", args->sheet, "The workbook's sheet (default: the first)");
    import->add_flag("--dry-run", args->dryRun, "Check everything and show what would be imported; write nothing");
    import->callback([&context, args] {
        context.action = [&context, args] {
            if (isWorkbookPath(args->file) || args->kind == "prices" || args->kind == "orders" || args->dryRun)
                return importSpreadsheet(context, args->kind, args->file, args->sheet, args->dryRun);
            const auto kind = unwrap(storage::parseImportKind(args->kind));
            const auto text = readWholeFile(args->file);
            auto ledger = context.openLedger();
            ProgressMeter meter(context.err, "import", stderrIsTerminal());
            storage::ImportOptions options{.user = context.user, .progress = meter.callback()};
            const auto summary = unwrap(storage::importCsv(ledger, kind, text, options));
            std::string message =
                "imported " + std::to_string(summary.rows) + " " + args->kind + " from " + args->file;
            if (!summary.ignoredColumns.empty()) {
                message += "\nignored columns:";
                for (const auto& column : summary.ignoredColumns)
                    message += " " + column;
            }
            context.emit(message, {{"rows", summary.rows},
                                   {"created", summary.created},
                                   {"ignored_columns", summary.ignoredColumns}});
            return 0;
        };
    });
}

void addExport(CLI::App& root, CliContext& context) {
    std::string tables;
    for (const auto& table : storage::exportTables())
        tables += (tables.empty() ? "" : ", ") + table;
    auto* exportCommand = root.add_subcommand("export", "Export a table to CSV or .xlsx (" + tables + ")");
    struct Args {
        std::string table, file;
    };
    auto args = std::make_shared<Args>();
    exportCommand->add_option("TABLE", args->table, "Table name")->required();
    exportCommand->add_option("FILE", args->file, "FILE.csv, FILE.xlsx or - (CSV on standard output)")->required();
    exportCommand->callback([&context, args] {
        context.action = [&context, args] {
            if (isWorkbookPath(args->file)) return exportWorkbook(context, args->table, args->file);
            auto ledger = context.openLedger();
            if (args->file == "-") {
                context.out << unwrap(storage::exportCsv(ledger, args->table));
                return 0;
            }
            ProgressMeter meter(context.err, "export", stderrIsTerminal());
            const auto csv = unwrap(storage::exportCsv(ledger, args->table, meter.callback()));
            unwrap(storage::writeTextFile(args->file, csv));
            context.emit("exported " + args->table + " to " + args->file,
                         {{"table", args->table}, {"file", args->file}});
            return 0;
        };
    });
}

} // namespace

void addDataCommands(CLI::App& root, CliContext& context) {
    addImport(root, context);
    addExport(root, context);
}

} // namespace lotstation::station::cli
