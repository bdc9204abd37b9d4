// lotstation-server: the central sync server and its administration. Thin: parses the command line and
// calls lotstation::sync (SyncServer, CentralStore); master data commands are in master_commands.cpp.
#include "lotstation/sync/central_store.hpp"
#include "lotstation/sync/migrate.hpp"
#include "lotstation/sync/server.hpp"
#include "master_commands.hpp"

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>

namespace {

using namespace lotstation;

int failWith(const std::string& message) {
    std::cerr << "lotstation-server: " << message << "\n";
    return 1;
}

template <typename T> int report(const storage::Result<T>& result, const std::string& done) {
    if (!result) return failWith(result.error().message);
    std::cout << done << "\n";
    return 0;
}

std::optional<std::pair<std::string, int>> splitListen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    try {
        std::size_t used = 0;
        const auto port = std::stoi(text.substr(colon + 1), &used);
        if (used != text.size() - colon - 1 || port < 0 || port > 65535) return std::nullopt;
        return std::pair{text.substr(0, colon), port};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

int serve(sync::ServerOptions options, const std::string& listen) {
    auto address = splitListen(listen);
    if (!address) return failWith("--listen wants ADDRESS:PORT, e.g. 0.0.0.0:8750 (not '" + listen + "')");
    options.host = address->first;
    options.port = address->second;
    // SIGINT / SIGTERM are taken by a thread of their own that stops the server cleanly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    auto server = sync::SyncServer::create(std::move(options));
    if (!server) return failWith(server.error().message);
    std::cout << "lotstation-server listening on " << server->url() << " (epoch " << server->epoch() << ")"
              << std::endl;
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&signals, &signal);
        server->stop();
    });
    server->run();
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
}

void printConflicts(const std::vector<sync::Conflict>& conflicts) {
    if (conflicts.empty()) std::cout << "no conflicts\n";
    for (const auto& c : conflicts) {
        if (c.location == "QC release vs rejection") // two stations decided opposite ways (quality.hpp)
            std::cout << "#" << c.id << "  lot " << c.lot << ": QC release vs rejection, detected " << c.detectedAt;
        else
            std::cout << "#" << c.id << "  lot " << c.lot << " at " << c.location << ": " << c.balanceText
                      << " on hand, detected " << c.detectedAt;
        if (c.clearedBy)
            std::cout << ", closed by itself " << *c.resolvedAt << " when movement " << *c.clearedBy
                      << " arrived";
        else if (c.resolvedAt)
            std::cout << ", resolved by " << *c.resolvedBy << " " << *c.resolvedAt;
        std::cout << "\n";
        for (const auto& m : c.movements)
            std::cout << "    " << m.at << "  " << m.kind << " " << m.quantityText << "  station "
                      << m.stationId << " #" << m.seq << "  (" << m.id << ")\n";
        if (c.note) std::cout << "    note: " << *c.note << "\n";
    }
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Lotstation central sync server"};
    app.require_subcommand(1);
    app.fallthrough(); // --data may come before or after the subcommand (subcommands inherit this)
    std::string dataDir = "lotstation-server-data";
    app.add_option("--data", dataDir, "server data folder (the SQLite store)")->envname("LOTSTATION_SERVER_DATA");
    std::string storeUrl;
    app.add_option("--store", storeUrl, "postgresql://... : the store in PostgreSQL instead of --data")
        ->envname("LOTSTATION_SERVER_STORE");

    sync::ServerOptions serveOptions;
    std::string listen = "127.0.0.1:8750";
    std::string tlsCert;
    std::string tlsKey;
    std::size_t maxBodyMb = 32;
    auto* serveCmd = app.add_subcommand("serve", "serve the sync protocol");
    // Each also read from the environment: the packaged service sets them in
    // /etc/lotstation-server/server.conf.
    serveCmd->add_option("--listen", listen, "ADDRESS:PORT (port 0: any free port)")
        ->envname("LOTSTATION_SERVER_LISTEN");
    serveCmd->add_option("--tls-cert", tlsCert, "PEM certificate: serve HTTPS")
        ->check(CLI::ExistingFile)
        ->envname("LOTSTATION_SERVER_TLS_CERT");
    serveCmd->add_option("--tls-key", tlsKey, "PEM private key")
        ->check(CLI::ExistingFile)
        ->envname("LOTSTATION_SERVER_TLS_KEY");
    serveCmd->add_option("--max-body-mb", maxBodyMb, "largest request body accepted")
        ->envname("LOTSTATION_SERVER_MAX_BODY_MB");
    // For fault tests only: cut the connection after every Nth committed push instead of answering.
    serveCmd->add_option("--fault-drop-answer-every", serveOptions.dropAnswerEvery)->group("");

    auto* stationCmd = app.add_subcommand("station", "stations allowed to sync");
    stationCmd->require_subcommand(1);
    std::string name;
    auto* stationAdd = stationCmd->add_subcommand("add", "register a station; prints its token once");
    stationAdd->add_option("name", name)->required();
    auto* stationRotate = stationCmd->add_subcommand("rotate", "a new token for a station");
    stationRotate->add_option("name", name)->required();
    auto* stationList = stationCmd->add_subcommand("list", "registered stations");

    server::MasterCommands master(app);

    bool all = false;
    std::int64_t conflictId = 0;
    std::string by;
    std::string note;
    auto* conflictsCmd = app.add_subcommand("conflicts", "negative stock flagged for a supervisor");
    conflictsCmd->add_flag("--all", all, "resolved ones too");
    auto* resolveCmd = conflictsCmd->add_subcommand("resolve", "mark a conflict resolved");
    resolveCmd->add_option("id", conflictId)->required();
    resolveCmd->add_option("--by", by, "supervisor")->required();
    resolveCmd->add_option("--note", note, "what was done");

    std::string backupDir;
    auto* backupCmd = app.add_subcommand("backup", "a consistent copy of the store (safe while serving)");
    backupCmd->add_option("folder", backupDir)->required();

    std::string migrateFrom;
    std::string migrateTo;
    auto* migrateCmd = app.add_subcommand("migrate", "move an SQLite store into an empty PostgreSQL database");
    migrateCmd->add_option("--from", migrateFrom, "the SQLite store's data folder")->required();
    migrateCmd->add_option("--to", migrateTo, "postgresql://... (an empty database)")->required();

    CLI11_PARSE(app, argc, argv);

    if (migrateCmd->parsed()) {
        auto report = sync::migrateStore(migrateFrom, migrateTo);
        if (!report) return failWith("migrate: " + report.error().message);
        std::cout << "migrated " << report->stations << " stations, " << report->movements << " movements, "
                  << report->lots << " lots, " << report->conflicts << " conflicts, " << report->records
                  << " quality records and the master data (epoch " << report->epoch
                  << ")\nchecked: the same movements in the same order, hashes (order SHA-256 " << report->orderDigest
                  << ") and balances; the same quality records in the same order (SHA-256 " << report->recordDigest
                  << ")\n";
        return 0;
    }

    if (!storeUrl.empty() && !sync::isPostgresUrl(storeUrl))
        return failWith("--store takes a PostgreSQL URL (postgresql://user@host/database), not '" + storeUrl +
                        "'; an SQLite store is chosen with --data FOLDER");
    const std::string location = storeUrl.empty() ? dataDir : storeUrl;
    if (serveCmd->parsed()) {
        serveOptions.dataDir = dataDir;
        serveOptions.store = storeUrl;
        if (!tlsCert.empty()) serveOptions.tlsCert = tlsCert;
        if (!tlsKey.empty()) serveOptions.tlsKey = tlsKey;
        serveOptions.maxBodyBytes = maxBodyMb << 20;
        return serve(std::move(serveOptions), listen);
    }
    auto store = sync::CentralStore::open(location);
    if (!store) return failWith(store.error().message);
    if (stationAdd->parsed()) {
        auto token = store->addStation(name);
        if (!token) return failWith(token.error().message);
        std::cout << "station " << name << " added. Its token (shown only now):\n" << *token << "\n";
        return 0;
    }
    if (stationRotate->parsed()) {
        auto token = store->rotateToken(name);
        if (!token) return failWith(token.error().message);
        std::cout << "new token for " << name << " (the old one no longer works):\n" << *token << "\n";
        return 0;
    }
    if (stationList->parsed()) {
        auto stations = store->stations();
        if (!stations) return failWith(stations.error().message);
        for (const auto& s : *stations)
            std::cout << s.name << "  id " << s.stationId.value_or("(not yet seen)") << "  acked " << s.acked
                      << "  last contact " << s.lastContact.value_or("never") << "\n";
        return 0;
    }
    if (master.parsed()) {
        // A command that fails keeps nothing it changed (its message is printed already).
        int code = 0;
        auto edited = store->editMaster([&](storage::Ledger& ledger) -> storage::Result<void> {
            code = master.run(ledger).value_or(0);
            if (code != 0) return lotstation::fail(lotstation::ErrorKind::Refused, "");
            return {};
        });
        if (!edited && code == 0) return failWith(edited.error().message);
        return code;
    }
    if (resolveCmd->parsed()) {
        auto resolved = store->resolveConflict(conflictId, by, note);
        if (!resolved) return failWith(resolved.error().message);
        printConflicts({*resolved});
        return 0;
    }
    if (conflictsCmd->parsed()) {
        auto conflicts = store->conflicts(all);
        if (!conflicts) return failWith(conflicts.error().message);
        printConflicts(*conflicts);
        return 0;
    }
    if (backupCmd->parsed()) return report(store->backup(backupDir), "backup written to " + backupDir);
    return 0;
}
