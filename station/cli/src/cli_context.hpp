#pragma once
// What every subcommand shares: where the ledger is, who is acting, how to print, and the one action the
// parse selected. Commands signal refusals by throwing CommandFailed, caught once in runCommandLine.
#include "lotstation/storage/batch_record.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/recall.hpp"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>

namespace CLI {
class App;
}

namespace lotstation::station::cli {

class CommandFailed : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct CliContext {
    std::ostream& out;
    std::ostream& err;
    std::string databasePath; // empty = the user's default ledger
    bool json = false;
    std::string user;            // who the movements are recorded for
    std::function<int()> action; // set by the subcommand the parser matched

    [[nodiscard]] std::filesystem::path resolvedDatabasePath() const;

    // Opens the existing ledger; a missing file is an error that says how to make one.
    [[nodiscard]] storage::Ledger openLedger() const;
    // Opens, creating and migrating when missing (init, demo).
    [[nodiscard]] storage::Ledger createLedger(const storage::OpenOptions& options) const;

    // Prints text for people, or the JSON value with --json.
    void emit(const std::string& text, const nlohmann::json& value) const;
};

// The value of a ledger result, or CommandFailed carrying its message.
template <typename T> T unwrap(storage::Result<T>&& result) {
    if (!result) throw CommandFailed(result.error().message);
    return std::move(*result);
}
inline void unwrap(storage::Result<void>&& result) {
    if (!result) throw CommandFailed(result.error().message);
}

// Parses a quantity for the item (by SKU) in the ledger: "2.5kg", "500 g", "12".
[[nodiscard]] std::int64_t quantityForItem(const storage::Ledger& ledger, const std::string& sku,
                                           const std::string& text);
// The same, for the item a lot is of.
[[nodiscard]] std::int64_t quantityForLot(const storage::Ledger& ledger, const std::string& lotCode,
                                          const std::string& text);
[[nodiscard]] storage::Date dateArgument(const std::string& text);

// Each group of subcommands registers itself on the root parser.
void addSetupCommands(CLI::App& root, CliContext& context);
void addMovementCommands(CLI::App& root, CliContext& context);
void addOrderCommands(CLI::App& root, CliContext& context);
void addQueryCommands(CLI::App& root, CliContext& context);
void addTraceCommands(CLI::App& root, CliContext& context);
void addDataCommands(CLI::App& root, CliContext& context);
void addDeviceCommands(CLI::App& root, CliContext& context);
void addScaleCommands(CLI::App& root, CliContext& context);
void addEpcCommands(CLI::App& root, CliContext& context);
void addSyncCommand(CLI::App& root, CliContext& context);
void addCostCommands(CLI::App& root, CliContext& context);   // after addMovementCommands (adds run labour)
void addReportCommands(CLI::App& root, CliContext& context);
// run finish of a run that follows a batch record (batch_commands.cpp).
void finishBatchRun(const CliContext& context, storage::Ledger& ledger, const storage::BatchFinishRequest& request);
// recipe procedure, run step / verify / deviation / record: after addSetupCommands and addMovementCommands.
void addBatchCommands(CLI::App& root, CliContext& context);

// Spreadsheets (spreadsheet_commands.cpp), called from import / export / recall.
[[nodiscard]] bool isWorkbookPath(const std::string& path);
int importSpreadsheet(const CliContext& context, const std::string& kind, const std::string& file,
                      const std::string& sheet, bool dryRun);
int exportWorkbook(const CliContext& context, const std::string& table, const std::string& file);
void writeFdaWorkbook(const CliContext& context, const storage::Ledger& ledger, const storage::RecallReport& report,
                      const std::string& file);
void addQualityCommands(CLI::App& root, CliContext& context); // after addSetupCommands (extends `item`)
void addDocumentCommands(CLI::App& root, CliContext& context);

} // namespace lotstation::station::cli
