// lotstation sync [--server URL --token T]: one push / pull / master-data round with the central server.
#include "cli_context.hpp"
#include "lotstation/station/progress_meter.hpp"
#include "lotstation/sync/client.hpp"

#include <CLI/CLI.hpp>

namespace lotstation::station::cli {

void addSyncCommand(CLI::App& root, CliContext& context) {
    auto* syncCommand =
        root.add_subcommand("sync", "Sync with the central server once (URL and token are remembered)");
    struct Args {
        std::optional<std::string> server, token;
    };
    auto args = std::make_shared<Args>();
    syncCommand->add_option("--server", args->server, "Server URL, e.g. http://192.168.1.10:8470");
    syncCommand->add_option("--token", args->token,
                            "This station's token (lotstation-server station add NAME)");
    syncCommand->callback([&context, args] {
        context.action = [&context, args] {
            const auto path = context.resolvedDatabasePath();
            { auto check = context.openLedger(); } // a clear error when there is no ledger yet
            ProgressMeter meter(context.err, "pull", stderrIsTerminal());
            auto summary = sync::runSyncCommand(path, args->server, args->token, meter.callback());
            if (!summary) throw CommandFailed(summary.error().message);
            context.emit(*summary, {{"summary", *summary}});
            return 0;
        };
    });
}

} // namespace lotstation::station::cli
