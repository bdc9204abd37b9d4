#include "cli_context.hpp"

#include "lotstation/station/paths.hpp"

#include <ostream>

namespace lotstation::station::cli {

std::filesystem::path CliContext::resolvedDatabasePath() const {
    if (!databasePath.empty()) return databasePath;
    return defaultDatabasePath();
}

storage::Ledger CliContext::openLedger() const {
    const auto path = resolvedDatabasePath();
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        throw CommandFailed("no ledger at " + path.string() +
                            " (create one with `lotstation init`, or try `lotstation demo`)");
    return unwrap(storage::Ledger::open(path));
}

storage::Ledger CliContext::createLedger(const storage::OpenOptions& options) const {
    const auto path = resolvedDatabasePath();
    std::error_code error;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
    return unwrap(storage::Ledger::open(path, options));
}

void CliContext::emit(const std::string& text, const nlohmann::json& value) const {
    if (json)
        out << value.dump(2) << '\n';
    else if (!text.empty())
        out << text << (text.back() == '\n' ? "" : "\n");
}

std::int64_t quantityForItem(const storage::Ledger& ledger, const std::string& sku, const std::string& text) {
    const auto item = unwrap(ledger.item(sku));
    return unwrap(storage::parseQuantity(text, item.uom, item.sku));
}

std::int64_t quantityForLot(const storage::Ledger& ledger, const std::string& lotCode,
                            const std::string& text) {
    const auto lot = unwrap(ledger.lot(lotCode));
    return quantityForItem(ledger, lot.sku, text);
}

storage::Date dateArgument(const std::string& text) {
    return unwrap(storage::parseDate(text));
}

} // namespace lotstation::station::cli
