// The sync benchmark's shared pieces (bench_support.hpp).
#include "bench_support.hpp"

#include <cstdio>
#include <iostream>
#include <sys/resource.h>

namespace lotstation::bench {


double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

[[noreturn]] void die(const std::string& message) {
    std::cerr << "lotstation-bench-sync: " << message << "\n";
    std::exit(1);
}

storage::Ledger makeStation(const std::filesystem::path& path, const std::string& name,
                            const std::string& code, std::int64_t events) {
    storage::OpenOptions options;
    options.identity = storage::StationIdentity{"", name, code};
    auto ledger = must(storage::Ledger::open(path, options), "station");
    (void)ledger.addLocation({"DOCK", "Dock", storage::LocationKind::Dock});
    (void)ledger.addLocation({"STORE", "Store", storage::LocationKind::Store});
    (void)ledger.addSupplier({"ACME", "Acme"});
    storage::NewItem oil;
    oil.sku = "OIL";
    oil.name = "Olive oil";
    (void)ledger.addItem(oil);
    storage::NewUser ann;
    ann.name = "ann";
    (void)ledger.addUser(ann);
    std::int64_t made = 0;
    for (int lot = 0; made < events; ++lot) {
        storage::ReceiveRequest receive;
        receive.sku = "OIL";
        receive.supplier = "ACME";
        receive.supplierLot = name + "-" + std::to_string(lot);
        receive.quantity = 100'000'000;
        receive.location = "DOCK";
        receive.user = "ann";
        auto received = must(ledger.receive(receive), "receive");
        ++made;
        for (int i = 0; i < 4 && made < events; ++i, ++made) {
            storage::MoveRequest move;
            move.lot = received.lotCode;
            move.quantity = 1000;
            move.from = i % 2 == 0 ? "DOCK" : "STORE";
            move.to = i % 2 == 0 ? "STORE" : "DOCK";
            move.user = "ann";
            (void)must(ledger.move(move), "move");
        }
    }
    return ledger;
}

sync::SyncClient clientFor(const std::string& url, const std::string& token,
                           const std::filesystem::path& path, bool pull) {
    sync::ClientOptions options;
    options.pull = pull;
    options.serverUrl = url;
    options.token = token;
    options.ledgerPath = path;
    auto client = sync::SyncClient::open(options);
    if (!client) die(client.error().message);
    return std::move(*client);
}

sync::SyncSummary syncOrDie(sync::SyncClient& client) {
    auto summary = client.syncOnce();
    if (!summary) die("sync failed: " + summary.error().message);
    return *summary;
}

double peerApplyRate(const storage::Ledger& station, const std::filesystem::path& path, std::size_t batch) {
    auto target = must(storage::Ledger::open(path), "peer ledger");
    std::int64_t after = 0;
    std::int64_t total = 0;
    const auto start = Clock::now();
    while (true) {
        auto entries = must(station.outbox(after, batch), "outbox");
        if (entries.empty()) break;
        std::vector<storage::RemoteMovement> remotes;
        for (auto& entry : entries) {
            storage::RemoteMovement remote{entry.movement, station.lot(entry.movement.lot).value(),
                                           station.item("OIL").value()};
            remotes.push_back(std::move(remote));
        }
        auto result = target.applyRemoteMovements(remotes);
        if (result.error) die("peer apply: " + result.error->message);
        total += static_cast<std::int64_t>(entries.size());
        after = entries.back().seq;
    }
    return static_cast<double>(total) / secondsSince(start);
}

void line(const char* what, std::int64_t events, double seconds, double cpu, const std::string& peer) {
    std::printf("%-36s %8lld events %7.2f s = %7.0f/s wall, %7.0f/s per CPU-second%s\n", what,
                static_cast<long long>(events), seconds, static_cast<double>(events) / seconds,
                static_cast<double>(events) / cpu, peer.c_str());
    std::fflush(stdout); // each figure as soon as it is measured, also into a file
}

} // namespace lotstation::bench
