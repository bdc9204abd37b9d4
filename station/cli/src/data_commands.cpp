// Moving data in and out: import items|lots FILE.csv, export TABLE FILE.csv.
#include "cli_context.hpp"
#include "lotstation/storage/csv.hpp"

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
        std::string kind, file;
    };
    auto args = std::make_shared<Args>();
    import->add_option("KIND", args->kind, "items or lots")->required();
    import->add_option("FILE", args->file, "CSV file with a header row")->required();
    import->callback([&context, args] {
        context.action = [&context, args] {
            const auto kind = unwrap(storage::parseImportKind(args->kind));
    const auto text = readWholeFile(args->file);
    auto ledger = context.openLedger();
    const auto summary = unwrap(storage::importCsv(ledger, kind, text, {context.user}));
    std::string message =
        "imported " + std::to_string(summary.rows) + " " + args->kind + " from " + args->file;
    if (!summary.ignoredColumns.empty()) {
        message += "\nignored columns:";
        for (const auto& column : summary.ignoredColumns)
            message += " " + column;
    }
    context.emit(
        message,
        {{"rows", summary.rows}, {"created", summary.created}, {"ignored_columns", summary.ignoredColumns}});
    return 0;
};
} // namespace
);
} // namespace lotstation::station::cli

void addExport(CLI::App& root, CliContext& context) {
    std::string tables;
    for (const auto& table : storage::exportTables())
        tables += (tables.empty() ? "" : ", ") + table;
    auto* exportCommand = root.add_subcommand("export", "Export a table to CSV (" + tables + ")");
    struct Args {
        std::string table, file;
    };
    auto args = std::make_shared<Args>();
    exportCommand->add_option("TABLE", args->table, "Table name")->required();
    exportCommand->add_option("FILE", args->file, "CSV file to write (- for standard output)")->required();
    exportCommand->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            const auto csv = unwrap(storage::exportCsv(ledger, args->table));
            if (args->file == "-") {
                context.out << csv;
                return 0;
            }
            std::ofstream file(args->file, std::ios::binary);
            file << csv;
            if (!file.flush()) throw CommandFailed("cannot write " + args->file);
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
