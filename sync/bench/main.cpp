// lotstation-bench-sync: sync throughput over loopback against a server whose store is on disk.
//   catch-up: a station that worked offline for a day (--day movements, while three others did as much)
//   push:     one station pushes --events movements (SyncClient::syncOnce)
//   pull:     a fresh station pulls --pull-events movements of other stations and applies them
//   stations: --stations stations push at once (--per-station movements each)
//   catch-up: a station that worked offline for a day (--day movements, while the others did 3x that)
// Peer figure, same run: the same movements applied in-process with Ledger::applyRemoteMovements (no HTTP,
// no JSON), the floor the protocol's overhead is measured against.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/sync/central_store.hpp"
#include "lotstation/sync/client.hpp"
#include "lotstation/sync/server.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>
#include <random>
#include <sys/resource.h>

namespace {

using namespace lotstation;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds of this process (server and stations run in it): on a shared, loaded machine wall time
// overstates the cost; both are printed.
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

template <typename T> T must(std::expected<T, storage::Error> result, const char* what) {
    if (!result) die(std::string(what) + ": " + result.error().message);
    return std::move(*result);
}

// A station database with `events` movements made by real ledger operations: a receipt, then moves of part
// of it between the dock and the store (five movements per lot).
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
                           const std::filesystem::path& path, bool pull = true) {
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

// The peer: the station's movements applied straight into a ledger on the same disk, batch by batch.
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

void line(const char* what, std::int64_t events, double seconds, double cpu, const std::string& peer = {}) {
    std::printf("%-36s %8lld events %7.2f s = %7.0f/s wall, %7.0f/s per CPU-second%s\n", what,
                static_cast<long long>(events), seconds, static_cast<double>(events) / seconds,
                static_cast<double>(events) / cpu, peer.c_str());
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Lotstation sync benchmark (loopback)"};
    std::int64_t events = 100'000;
    std::int64_t pullEvents = 1'000'000;
    int stations = 20;
    std::int64_t perStation = 2'000;
    std::int64_t day = 3'000;
    std::string diskDir;
    std::string ramDir = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "";
    app.add_option("--events", events, "movements pushed by one station");
    app.add_option("--pull-events", pullEvents, "movements pulled by a fresh station");
    app.add_option("--stations", stations, "stations pushing at once");
    app.add_option("--per-station", perStation, "movements each of them pushes");
    app.add_option("--day", day, "movements of a day offline");
    app.add_option("--dir", diskDir, "folder on the disk to measure (default: the temp folder)");
    app.add_option("--scratch", ramDir, "where station databases are prepared (default /dev/shm)");
    bool smoke = false;
    app.add_flag("--smoke", smoke, "tiny sizes, seconds in all (CTest runs it so the bench keeps running)");
    CLI11_PARSE(app, argc, argv);
    if (smoke) events = 2'000, pullEvents = 4'000, stations = 3, perStation = 200, day = 300;

    const auto base =
        std::filesystem::path(diskDir.empty() ? std::filesystem::temp_directory_path().string() : diskDir) /
        ("lotstation-bench-sync-" + std::to_string(std::random_device{}()));
    const auto scratch = std::filesystem::path(ramDir.empty() ? base.string() : ramDir) /
                         ("lotstation-bench-stations-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(base);
    std::filesystem::create_directories(scratch);
    std::printf("server store: %s (disk), station databases: %s\n", base.c_str(), scratch.c_str());

    sync::ServerOptions options;
    options.dataDir = base / "server";
    options.port = 0;
    auto central = must(sync::CentralStore::open(options.dataDir), "server store");
    auto server = sync::SyncServer::create(options);
    if (!server) die(server.error().message);
    server->start();
    const auto url = server->url();

    // 1. a day offline (first, while the server is small)
    {
        auto token = must(central.addStation("offline"), "station");
        (void)makeStation(scratch / "offline.sqlite", "offline", "X", 0);
        auto first = clientFor(url, token, scratch / "offline.sqlite");
        (void)syncOrDie(first); // up to date with everyone
        (void)makeStation(scratch / "offline.sqlite", "offline", "X", day);
        for (int w = 0; w < 3; ++w) {
            const auto name = "dayshift" + std::to_string(w);
            auto other = must(central.addStation(name), "station");
            (void)makeStation(scratch / (name + ".sqlite"), name, "W" + std::to_string(w), day);
            auto c = clientFor(url, other, scratch / (name + ".sqlite"));
            (void)syncOrDie(c);
        }
        const auto start = Clock::now();
        const auto cpu = cpuSeconds();
        auto summary = syncOrDie(first);
        const auto seconds = secondsSince(start);
        std::printf("%-36s pushed %lld, pulled %lld in %.2f s wall, %.2f CPU-s (target < 5 s)\n",
                    "catch-up after a day offline", static_cast<long long>(summary.pushed),
                    static_cast<long long>(summary.pulled), seconds, cpuSeconds() - cpu);
    }
    // 2. many stations at once
    {
        std::vector<std::string> tokens;
        std::printf("preparing %d stations with %lld movements each...\n", stations,
                    static_cast<long long>(perStation));
        for (int s = 0; s < stations; ++s) {
            const auto name = "many" + std::to_string(s);
            tokens.push_back(must(central.addStation(name), "station"));
            (void)makeStation(scratch / (name + ".sqlite"), name, "M" + std::to_string(s), perStation);
        }
        std::vector<std::future<std::int64_t>> running;
        const auto start = Clock::now();
        const auto cpu = cpuSeconds();
        for (int s = 0; s < stations; ++s) {
            running.push_back(std::async(std::launch::async, [&, s] {
                const auto name = "many" + std::to_string(s);
                auto client =
                    clientFor(url, tokens[static_cast<std::size_t>(s)], scratch / (name + ".sqlite"), false);
                auto summary = client.syncOnce();
                if (!summary) die(name + ": " + summary.error().message);
                return summary->pushed;
            }));
        }
        std::int64_t pushed = 0;
        for (auto& r : running)
            pushed += r.get();
        line(("push, " + std::to_string(stations) + " stations at once").c_str(), pushed, secondsSince(start),
             cpuSeconds() - cpu);
    }
    // 3. push
    {
        auto token = must(central.addStation("pusher"), "station");
        std::printf("preparing %lld movements on one station...\n", static_cast<long long>(events));
        auto station = makeStation(scratch / "pusher.sqlite", "pusher", "P", events);
        auto client = clientFor(url, token, scratch / "pusher.sqlite", false);
        const auto start = Clock::now();
        const auto cpu = cpuSeconds();
        auto summary = syncOrDie(client);
        const auto seconds = secondsSince(start);
        const auto used = cpuSeconds() - cpu;
        const auto peer = peerApplyRate(station, base / "peer-push.sqlite", 1000);
        char text[96];
        std::snprintf(text, sizeof text, "   (peer, in-process apply: %.0f/s)", peer);
        line("push, one station", summary.pushed, seconds, used, text);
    }
    // 4. pull: the server gets --pull-events movements from several stations, then a fresh station pulls.
    {
        const int writers = 4;
        const auto each = pullEvents / writers;
        std::printf("preparing %lld movements on the server...\n", static_cast<long long>(each * writers));
        for (int w = 0; w < writers; ++w) {
            const auto name = "source" + std::to_string(w);
            auto token = must(central.addStation(name), "station");
            auto path = scratch / (name + ".sqlite");
            (void)makeStation(path, name, "S" + std::to_string(w), each);
            auto client = clientFor(url, token, path, false);
            (void)syncOrDie(client);
        }
        auto token = must(central.addStation("puller"), "station");
        (void)must(storage::Ledger::open(base / "puller.sqlite",
                                         storage::OpenOptions{storage::StationIdentity{"", "puller", "Q"}}),
                   "puller");
        auto client = clientFor(url, token, base / "puller.sqlite");
        const auto start = Clock::now();
        const auto cpu = cpuSeconds();
        auto summary = syncOrDie(client);
        line("pull + apply, fresh station (disk)", summary.pulled, secondsSince(start), cpuSeconds() - cpu);
    }
    server->stop();
    std::error_code ignored;
    std::filesystem::remove_all(base, ignored);
    std::filesystem::remove_all(scratch, ignored);
    return 0;
}
