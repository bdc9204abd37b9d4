// lotstation-bench-sync: sync throughput over loopback, for the SQLite store on disk and (with --store) the
// PostgreSQL store, with one server and with two servers sharing it, all in the same run:
//   catch-up: a station that worked offline for a day (--day movements, while three others did as much)
//   push:     one station pushes --events movements (SyncClient::syncOnce)
//   stations: --stations stations push at once (--per-station movements each), spread over the servers
//   pull:     a fresh station pulls --pull-events movements of other stations and applies them
// Peer figure, same run: the same movements applied in-process with Ledger::applyRemoteMovements (no HTTP,
// no JSON), the floor the protocol's overhead is measured against.
#include "bench_support.hpp"
#include "lotstation/sync/central_store.hpp"
#include "lotstation/sync/server.hpp"
#include "pg/pg_connection.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <future>
#include <random>
#include <thread>
#include <unistd.h>

namespace {

using namespace lotstation;
using namespace lotstation::bench;

struct Sizes {
    std::int64_t events = 100'000;
    std::int64_t pullEvents = 1'000'000;
    int stations = 20;
    std::int64_t perStation = 2'000;
    std::int64_t day = 3'000;
    int pauseSeconds = 0; // before the timed push and pull, to attach a profiler to them alone
    std::string only; // one scenario by name (catch-up, stations, push, pull), or all when empty
    [[nodiscard]] bool runs(const char* scenario) const { return only.empty() || only == scenario; }
};

// One configuration: a store, how many servers serve it, where station databases are prepared.
struct Setup {
    std::string label;
    std::string location; // data folder or postgresql:// URL
    int servers = 1;
    std::filesystem::path base;    // the disk under test (SQLite store, the puller's database)
    std::filesystem::path scratch; // station databases being prepared
    bool peer = false;             // also measure the in-process peer
};

// --pause: time to attach a profiler to the process before a timed part starts.
void pauseBefore(const char* what, const Sizes& sizes) {
    if (sizes.pauseSeconds <= 0) return;
    std::printf("%s starts in %d s (process %d)\n", what, sizes.pauseSeconds, static_cast<int>(getpid()));
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::seconds(sizes.pauseSeconds));
}

void runScenarios(const Setup& setup, const Sizes& sizes) {
    std::printf("== %s ==\n", setup.label.c_str());
    auto central = must(sync::CentralStore::open(setup.location), "server store");
    std::vector<sync::SyncServer> servers;
    std::vector<std::string> urls;
    for (int i = 0; i < setup.servers; ++i) {
        sync::ServerOptions options;
        options.dataDir = setup.location;
        if (sync::isPostgresUrl(setup.location)) options.store = setup.location;
        options.port = 0;
        auto server = sync::SyncServer::create(options);
        if (!server) die(server.error().message);
        servers.push_back(std::move(*server));
        servers.back().start();
        urls.push_back(servers.back().url());
    }
    const auto name = [](const std::string& what) { return what; };
    const auto db = [&](const std::string& what) { return setup.scratch / (name(what) + ".sqlite"); };

    // 1. a day offline (first, while the store is small)
    if (sizes.runs("catch-up")) {
        auto token = must(central.addStation(name("offline")), "station");
        (void)makeStation(db("offline"), name("offline"), "X", 0);
        auto first = clientFor(urls[0], token, db("offline"));
        (void)syncOrDie(first); // up to date with everyone
        (void)makeStation(db("offline"), name("offline"), "X", sizes.day);
        for (int w = 0; w < 3; ++w) {
            const auto who = "dayshift" + std::to_string(w);
            auto other = must(central.addStation(name(who)), "station");
            (void)makeStation(db(who), name(who), "W" + std::to_string(w), sizes.day);
            auto c = clientFor(urls[static_cast<std::size_t>(w) % urls.size()], other, db(who));
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
    // 2. many stations at once, spread over the servers
    if (sizes.runs("stations")) {
        std::vector<std::string> tokens;
        for (int s = 0; s < sizes.stations; ++s) {
            const auto who = "many" + std::to_string(s);
            tokens.push_back(must(central.addStation(name(who)), "station"));
            (void)makeStation(db(who), name(who), "M" + std::to_string(s), sizes.perStation);
        }
        std::vector<std::future<std::int64_t>> running;
        const auto start = Clock::now();
        const auto cpu = cpuSeconds();
        for (int s = 0; s < sizes.stations; ++s) {
            running.push_back(std::async(std::launch::async, [&, s] {
                const auto who = "many" + std::to_string(s);
                auto client = clientFor(urls[static_cast<std::size_t>(s) % urls.size()],
                                        tokens[static_cast<std::size_t>(s)], db(who), false);
                auto summary = client.syncOnce();
                if (!summary) die(who + ": " + summary.error().message);
                return summary->pushed;
            }));
        }
        std::int64_t pushed = 0;
        for (auto& r : running)
            pushed += r.get();
        line(("push, " + std::to_string(sizes.stations) + " stations at once").c_str(), pushed,
             secondsSince(start), cpuSeconds() - cpu);
    }
    // 3. push
    if (sizes.runs("push")) {
        auto token = must(central.addStation(name("pusher")), "station");
        auto station = makeStation(db("pusher"), name("pusher"), "P", sizes.events);
        auto client = clientFor(urls[0], token, db("pusher"), false);
        pauseBefore("push", sizes);
        const auto start = Clock::now();
        const auto cpu = cpuSeconds();
        auto summary = syncOrDie(client);
        const auto seconds = secondsSince(start);
        const auto used = cpuSeconds() - cpu;
        std::string peer;
        if (setup.peer) {
            char text[96];
            std::snprintf(text, sizeof text, "   (peer, in-process apply: %.0f/s)",
                          peerApplyRate(station, setup.base / "peer-push.sqlite", 1000));
            peer = text;
        }
        line("push, one station", summary.pushed, seconds, used, peer);
    }
    // 4. pull: the store gets --pull-events movements from several stations, then a fresh station pulls.
    if (sizes.runs("pull")) {
        const int writers = 4;
        const auto each = sizes.pullEvents / writers;
        for (int w = 0; w < writers; ++w) {
            const auto who = "source" + std::to_string(w);
            auto token = must(central.addStation(name(who)), "station");
            (void)makeStation(db(who), name(who), "S" + std::to_string(w), each);
            auto client = clientFor(urls[static_cast<std::size_t>(w) % urls.size()], token, db(who), false);
            (void)syncOrDie(client);
        }
        auto token = must(central.addStation(name("puller")), "station");
        const auto puller = setup.base / (name("puller") + ".sqlite");
        (void)must(storage::Ledger::open(puller, storage::OpenOptions{storage::StationIdentity{"", name("puller"), "Q"}}),
                   "puller");
        auto client = clientFor(urls.back(), token, puller);
        pauseBefore("pull", sizes);
        const auto start = Clock::now();
        const auto cpu = cpuSeconds();
        auto summary = syncOrDie(client);
        line("pull + apply, fresh station (disk)", summary.pulled, secondsSince(start), cpuSeconds() - cpu);
    }
    for (auto& server : servers)
        server.stop();
}

// A database of its own for one configuration, on the PostgreSQL server `url` names; dropped at the end.
class ScratchDatabase {
  public:
    ScratchDatabase(std::string url, const std::string& name) : m_admin(std::move(url)), m_name(name) {
        auto admin = sync::pg::Connection::open(m_admin);
        if (!admin) die(admin.error().message);
        if (auto made = admin->script("CREATE DATABASE " + m_name); !made)
            die("cannot create a scratch database (--store needs a role that may): " + made.error().message);
        // postgresql://.../DB?query -> the same with our database.
        const auto slash = m_admin.find('/', m_admin.find("://") + 3);
        const auto query = m_admin.find('?', slash);
        m_url = m_admin.substr(0, slash + 1) + m_name + (query == std::string::npos ? "" : m_admin.substr(query));
    }
    ~ScratchDatabase() {
        if (auto admin = sync::pg::Connection::open(m_admin))
            (void)admin->script("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    }
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;
    [[nodiscard]] const std::string& url() const { return m_url; }

  private:
    std::string m_admin;
    std::string m_name;
    std::string m_url;
};

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Lotstation sync benchmark (loopback)"};
    Sizes sizes;
    std::string diskDir;
    std::string ramDir = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "";
    std::string store;
    app.add_option("--events", sizes.events, "movements pushed by one station");
    app.add_option("--pull-events", sizes.pullEvents, "movements pulled by a fresh station");
    app.add_option("--stations", sizes.stations, "stations pushing at once");
    app.add_option("--per-station", sizes.perStation, "movements each of them pushes");
    app.add_option("--day", sizes.day, "movements of a day offline");
    app.add_option("--dir", diskDir, "folder on the disk to measure (default: the temp folder)");
    app.add_option("--scratch", ramDir, "where station databases are prepared (default /dev/shm)");
    app.add_option("--store", store,
                   "postgresql://... : also measure a PostgreSQL store (one server, then two), each in a scratch "
                   "database the bench creates and drops there");
    app.add_option("--only", sizes.only, "one scenario: catch-up, stations, push or pull (a profile of one)")
        ->check(CLI::IsMember({"catch-up", "stations", "push", "pull"}));
    app.add_option("--pause", sizes.pauseSeconds,
                   "seconds to wait before the timed push and pull, printing the process id (attach a profiler)");
    bool smoke = false;
    app.add_flag("--smoke", smoke, "tiny sizes, seconds in all (CTest runs it so the bench keeps running)");
    CLI11_PARSE(app, argc, argv);
    if (smoke) {
        sizes = Sizes{2'000, 4'000, 3, 200, 300, sizes.pauseSeconds, sizes.only};
    }
    if (!store.empty() && !sync::isPostgresUrl(store)) die("--store takes a postgresql:// URL, not '" + store + "'");

    const auto run = std::to_string(std::random_device{}());
    const auto base =
        std::filesystem::path(diskDir.empty() ? std::filesystem::temp_directory_path().string() : diskDir) /
        ("lotstation-bench-sync-" + run);
    for (const char* part : {"sqlite", "pg1", "pg2"}) {
        std::filesystem::create_directories(base / part);
        std::filesystem::create_directories(std::filesystem::path(ramDir.empty() ? base.string() : ramDir) /
                                            ("lotstation-bench-stations-" + run) / part);
    }
    const auto scratch =
        std::filesystem::path(ramDir.empty() ? base.string() : ramDir) / ("lotstation-bench-stations-" + run);
    std::filesystem::create_directories(base);
    std::filesystem::create_directories(scratch);
    std::printf("SQLite store and pulling station: %s (disk), station databases: %s\n", base.c_str(),
                scratch.c_str());

    runScenarios({"SQLite store (disk), one server", (base / "server").string(), 1, base, scratch / "sqlite", true},
                 sizes);
    if (!store.empty()) {
        for (const int servers : {1, 2}) {
            ScratchDatabase database(store, "lotstation_bench_" + run + "_" + std::to_string(servers));
            runScenarios({"PostgreSQL store, " + std::string(servers == 1 ? "one server" : "two servers"),
                          database.url(), servers, base / ("pg" + std::to_string(servers)),
                          scratch / ("pg" + std::to_string(servers)), false},
                         sizes);
        }
    }
    std::error_code ignored;
    std::filesystem::remove_all(base, ignored);
    std::filesystem::remove_all(scratch, ignored);
    return 0;
}
