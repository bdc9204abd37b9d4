// Crash safety of the central server: the real lotstation-server process is SIGKILLed at random moments,
// many times, while stations record movements and push them. After every kill, every movement the server
// had acknowledged to a station must be in the server's database with the station's hash, and the database
// must pass SQLite's integrity check. At the end the stations re-push what the server never committed and
// everything converges (the one checker of tests/sync).
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include <atomic>
#include <chrono>
#include <map>
#include <random>
#include <sqlite3.h>
#include <thread>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

constexpr int kKills = 50;

// SQLite's own verdict on the whole file ("ok" or the first problems it lists).
std::string integrityCheck(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : "cannot open";
        sqlite3_close(db);
        return message;
    }
    sqlite3_stmt* statement = nullptr;
    std::string verdict;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK) {
        while (sqlite3_step(statement) == SQLITE_ROW)
            verdict += (verdict.empty() ? "" : "; ") +
                       std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    } else {
        verdict = sqlite3_errmsg(db);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return verdict;
}

// The hashes of one station's movements with seq <= upTo, as the server holds them.
std::map<std::int64_t, std::string> serverHashes(const std::filesystem::path& serverLedger,
                                                 const std::string& stationId, std::int64_t upTo) {
    std::map<std::int64_t, std::string> out;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(serverLedger.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT seq, hash FROM movements WHERE station_id = ?1 AND seq <= ?2", -1,
                               &statement, nullptr) == SQLITE_OK);
    sqlite3_bind_text(statement, 1, stationId.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(statement, 2, upTo);
    while (sqlite3_step(statement) == SQLITE_ROW)
        out[sqlite3_column_int64(statement, 0)] =
            reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return out;
}

struct SyncCounts {
    std::atomic<int> clean{0};
    std::atomic<int> cut{0}; // failed: the server died under them (or was not there yet)
};

// What one station does while the server lives: record a few movements, sync, again, until told to stop.
void stationLoop(const Station& station, const std::string& url, const std::atomic<bool>& stop, int round,
                 SyncCounts& counts) {
    ClientOptions options;
    options.pushBatch = 40;
    options.timeout = std::chrono::seconds(5);
    for (int burst = 0; !stop.load(); ++burst) {
        {
            auto ledger = station.open();
            (void)doWork(ledger, 3,
                         station.name + "-r" + std::to_string(round) + "-" + std::to_string(burst));
        }
        auto client = station.client(url, options);
        // Cut off by the kill sooner or later: that is the point.
        (client.syncOnce() ? counts.clean : counts.cut) += 1;
    }
}

} // namespace

TEST_CASE("crash safety: the real server SIGKILLed at random moments while stations push loses nothing it "
          "acknowledged") {
    ScratchDir dir;
    const auto serverDir = dir / "server";
    const auto serverLedger = serverDir / "ledger.sqlite";
    std::vector<Station> stations;
    {
        Central setup(serverDir); // seeds master data, then stops
        stations = {makeStation(dir, setup, "dock", "D"), makeStation(dir, setup, "line", "L"),
                    makeStation(dir, setup, "pack", "P")};
        syncAll(setup.url(), stations, 1);
    }
    std::vector<std::string> stationIds;
    for (const auto& station : stations)
        stationIds.push_back(station.open().station().stationId);

    const auto seed = std::random_device{}();
    INFO("random seed " << seed);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> lifetimeMs(20, 400);
    std::int64_t ackedChecked = 0, presentChecked = 0;
    SyncCounts counts;
    std::vector<std::int64_t> lastAcked(stations.size(), 0);
    bool ackRegressed = false;
    const auto started = std::chrono::steady_clock::now();

    for (int kill = 0; kill < kKills; ++kill) {
        CAPTURE(kill);
        {
            ServerProcess server(serverDir);
            std::atomic<bool> stop{false};
            std::vector<std::thread> workers;
            for (const auto& station : stations)
                workers.emplace_back(
                    [&, url = server.url()] { stationLoop(station, url, stop, kill, counts); });
            std::this_thread::sleep_for(std::chrono::milliseconds(lifetimeMs(random)));
            server.kill();
            stop = true;
            for (auto& worker : workers)
                worker.join();
        }
        // The server is dead: what it acknowledged must be in its file, exactly as the station recorded it.
        REQUIRE(integrityCheck(serverLedger) == "ok");
        for (std::size_t i = 0; i < stations.size(); ++i) {
            const auto acked = stations[i].client("http://127.0.0.1:1").status().acked;
            if (acked < lastAcked[i]) ackRegressed = true;
            lastAcked[i] = acked;
            const auto onServer = serverHashes(serverLedger, stationIds[i], acked);
            auto ledger = stations[i].open();
            const auto own = ledger.outbox(0, static_cast<std::size_t>(acked)).value();
            REQUIRE(static_cast<std::int64_t>(own.size()) == acked);
            for (const auto& entry : own) {
                const auto it = onServer.find(entry.seq);
                const bool same = it != onServer.end() && it->second == entry.movement.hash;
                if (!same)
                    FAIL_CHECK("station " << stations[i].name << ": movement " << entry.seq
                                          << " was acknowledged but is "
                                          << (it == onServer.end() ? "missing" : "different")
                                          << " on the server");
                presentChecked += same ? 1 : 0;
            }
            ackedChecked += acked;
        }
    }
    CHECK_FALSE(ackRegressed); // an acknowledgement is never taken back

    // Heal: a last server that lives; the stations re-push what was lost and pull what the others did.
    ServerProcess last(serverDir);
    std::int64_t total = 0;
    for (const auto& station : stations) {
        auto ledger = station.open();
        total += static_cast<std::int64_t>(ledger.outbox(0, 1'000'000).value().size());
    }
    syncAll(last.url(), stations, 2);
    last.kill();
    CHECK(integrityCheck(serverLedger) == "ok");
    checkConverged(serverLedger, stations, total);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE("server crash run: " << kKills << " SIGKILLs in " << seconds << " s; " << total
                                 << " movements from " << stations.size() << " stations; acknowledged "
                                 << ackedChecked << " (summed over kills), present " << presentChecked
                                 << "; syncs " << counts.clean.load() << " clean, " << counts.cut.load()
                                 << " cut off by a kill");
    CHECK(presentChecked == ackedChecked);
    CHECK(total > 0);
}
