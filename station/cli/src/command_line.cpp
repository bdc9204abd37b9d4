#include "lotstation/station/command_line.hpp"

#include "cli_context.hpp"
#include "lotstation/station/paths.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace lotstation::station {
namespace {

// The user movements are recorded for when --user is not given: $LOTSTATION_USER, else the admin that
// `init` creates.
std::string defaultUser() {
    const char* fromEnvironment = std::getenv("LOTSTATION_USER");
    return fromEnvironment != nullptr && *fromEnvironment != '\0' ? fromEnvironment : "admin";
}

} // namespace

int runCommandLine(const std::vector<std::string>& args, CommandLineIo io, const AppLauncher& launchApp) {
    cli::CliContext context{io.out, io.err, {}, false, defaultUser(), {}};
    AppOptions appOptions;

    CLI::App root{"Lotstation: batch and lot tracking at the scanning station", "lotstation"};
    root.set_version_flag("--version", "lotstation 0.1.0");
    root.option_defaults()->always_capture_default(false);
    root.add_option("--db", context.databasePath,
                    "Station ledger (SQLite); default: the user's data directory");
    root.add_flag("--json", context.json, "Machine-readable output");
    root.add_option("--user", context.user,
                    "Who the movements are recorded for (default: $LOTSTATION_USER or admin)");

    // Options of the station window (no subcommand).
    root.add_flag("--demo", appOptions.demo, "Open the station on a fresh demo database");
    root.add_option("--events", appOptions.eventsScript, "Drive the app from a script of events");
    root.add_option("--frames", appOptions.maxFrames, "Stop the app after this many frames");
    root.add_option("--screenshots", appOptions.screenshotDir, "Folder for the script's screenshots");
    root.add_option("--camera", appOptions.cameraSource, "Camera index, device, stream URL, video or image");
    bool windowed = false;
    auto* fullscreen = root.add_flag("--fullscreen", appOptions.fullscreen, "Full screen instead of a 1280x800 window");
    root.add_flag("--windowed", windowed, "A 1280x800 window (the default)")->excludes(fullscreen);

    root.require_subcommand(0, 1);
    // The global options (--db, --json, --user) are accepted anywhere on the line, as people type them
    // (`lotstation trace LOT --backward --json`): what a subcommand does not know falls through to the root.
    // Subcommands inherit this setting, so it is set before they are added.
    root.fallthrough();
    cli::addSetupCommands(root, context);
    cli::addMovementCommands(root, context);
    cli::addOrderCommands(root, context);
    cli::addQueryCommands(root, context);
    cli::addDataCommands(root, context);
    cli::addDeviceCommands(root, context);
    cli::addScaleCommands(root, context);
    cli::addEpcCommands(root, context);
    cli::addSyncCommand(root, context);
    cli::addCostCommands(root, context);
    cli::addReportCommands(root, context);
    cli::addQualityCommands(root, context);
    cli::addDocumentCommands(root, context);
    cli::addBatchCommands(root, context);

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        root.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        io.out << root.help();
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        io.out << root.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion& version) {
        io.out << version.what() << '\n';
        return 0;
    } catch (const CLI::ParseError& error) {
        io.err << "lotstation: " << error.what() << "\n(run `lotstation --help` for the commands)\n";
        return 2;
    }

    try {
        if (context.action) return context.action();
        appOptions.databasePath = context.resolvedDatabasePath();
        appOptions.assetsDir = findAssetsDir();
        if (!launchApp) {
            io.err << "lotstation: this build has no station window; use a subcommand (see --help)\n";
            return 2;
        }
        return launchApp(appOptions);
    } catch (const cli::CommandFailed& failure) {
        io.err << "lotstation: " << failure.what() << '\n';
        return 1;
    } catch (const std::exception& unexpected) {
        io.err << "lotstation: internal error: " << unexpected.what() << '\n';
        return 1;
    }
}

} // namespace lotstation::station
