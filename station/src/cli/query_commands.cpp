// Reading the ledger: lot show, verify. (stock, expiring, cost, trace and recall come with the query layer.)
#include "cli/cli_context.hpp"
#include "cli/json_views.hpp"

#include <CLI/CLI.hpp>
#include <sstream>

namespace lotstation::station::cli {
namespace {

void addVerify(CLI::App& root, CliContext& context) {
    auto* verify =
        root.add_subcommand("verify", "Re-derive balances from the ledger and check the hash chains");
    verify->callback([&context] {
        context.action = [&context] {
            auto ledger = context.openLedger();
            const auto findings = ledger.verify();
            nlohmann::json list = nlohmann::json::array();
            std::ostringstream text;
            for (const auto& finding : findings) {
                list.push_back(finding.message);
                text << finding.message << '\n';
            }
            if (findings.empty())
                text << "ledger verified: " << ledger.movementCount()
                     << " movements, balances and hash chains intact";
            context.emit(
                text.str(),
                {{"ok", findings.empty()}, {"movements", ledger.movementCount()}, {"findings", list}});
            return findings.empty() ? 0 : 1;
        };
    });
}

} // namespace

void addQueryCommands(CLI::App& root, CliContext& context) {
    addVerify(root, context);
}

} // namespace lotstation::station::cli
