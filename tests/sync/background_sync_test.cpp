// BackgroundSync against a real server on loopback: not configured, offline with back-off, the server comes
// back and the outbox goes up, nudge, a prompt stop.
#include "lotstation/sync/background_sync.hpp"
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <thread>
#include <vector>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;
using namespace std::chrono_literals;

namespace {

template <typename Predicate> bool waitFor(Predicate done, std::chrono::milliseconds limit = 20s) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return done();
}

BackgroundSyncOptions fast(const Station& station) {
    BackgroundSyncOptions options;
    options.ledgerPath = station.path;
    options.timing.interval = 100ms;
    options.timing.minBackoff = 50ms;
    options.timing.maxBackoff = 400ms;
    options.statusRefresh = 20ms;
    options.timeout = 5s;
    return options;
}

// One observed gap: from the start of attempt `attempt` to the start of the next one.
struct AttemptGap {
    std::int64_t attempt = 0;
    std::chrono::milliseconds gap{};
};

// The gaps between the next `tries` sync attempts, each attempt's start observed as the moment the attempt
// count moved (read every millisecond).
std::vector<AttemptGap> attemptGaps(const BackgroundSync& sync, int tries) {
    std::vector<std::pair<std::int64_t, std::chrono::steady_clock::time_point>> seen;
    auto last = sync.status().attempts;
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (static_cast<int>(seen.size()) < tries && std::chrono::steady_clock::now() < deadline) {
        const auto now = sync.status().attempts;
        if (now != last) {
            REQUIRE_MESSAGE(now == last + 1,
                            "two attempts between two readings: the observation fell behind");
            seen.emplace_back(now, std::chrono::steady_clock::now());
            last = now;
        }
        std::this_thread::sleep_for(1ms);
    }
    std::vector<AttemptGap> gaps;
    for (std::size_t i = 1; i < seen.size(); ++i)
        gaps.push_back({seen[i - 1].first, std::chrono::duration_cast<std::chrono::milliseconds>(
                                               seen[i].second - seen[i - 1].second)});
    return gaps;
}

std::chrono::milliseconds timeToStop(BackgroundSync& sync) {
    const auto start = std::chrono::steady_clock::now();
    sync.stop();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

} // namespace

TEST_CASE("background sync: not configured until a server is remembered then it syncs by itself") {
    ScratchDir dir;
    Central central(dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    {
        auto ledger = dock.open();
        seedMasterData(ledger); // set up by hand: this station has never synced
        (void)doWork(ledger, 3, "dock");
    }
    auto started = BackgroundSync::start(fast(dock));
    REQUIRE_MESSAGE(started, (started ? "" : started.error().message));
    auto& sync = *started;
    CHECK(waitFor([&] { return sync.status().attempts == 0 && sync.status().pending == 6; }));
    CHECK((sync.status().link == SyncLink::NotConfigured));
    CHECK(sync.status().running);

    // What `lotstation sync --server URL --token T` remembers; the thread picks it up on its own.
    auto once = runSyncCommand(dock.path, central.url(), dock.token);
    REQUIRE_MESSAGE(once, (once ? "" : once.error().message));
    {
        auto ledger = dock.open();
        (void)doWork(ledger, 2, "more");
    }
    // A round that began before that work was recorded may still report "nothing pending": wait for one that
    // began after it.
    const auto roundsBefore = sync.status().attempts;
    CHECK(waitFor([&] {
        const auto status = sync.status();
        return status.attempts >= roundsBefore + 2 && status.link == SyncLink::Online && status.pending == 0;
    }));
    CHECK(sync.status().lastContact.has_value());
    CHECK(sync.status().serverUrl == central.url());
    CHECK(timeToStop(sync) < 1000ms);
    CHECK_FALSE(sync.status().running);
    checkConverged(central.ledgerPath(), {dock}, 10);
}

TEST_CASE("background sync: server down - offline with back-off - server up - the outbox goes up") {
    ScratchDir dir;
    std::optional<Central> central(std::in_place, dir / "server");
    auto dock = makeStation(dir, *central, "dock", "D");
    const auto url = central->url();
    const auto port = central->server->port();
    REQUIRE(runSyncCommand(dock.path, url, dock.token)); // remembered, synced once
    central.reset();                                     // the server goes away
    {
        auto ledger = dock.open();
        (void)doWork(ledger, 5, "offline");
    }
    auto started = BackgroundSync::start(fast(dock));
    REQUIRE(started);
    auto& sync = *started;
    CHECK(waitFor([&] { return sync.status().link == SyncLink::Offline; }));
    CHECK_FALSE(sync.status().why.empty());
    CHECK(sync.status().pending == 10);
    // Back-off: after the k-th failed try the thread waits min(50 ms * 2^(k-1), 400 ms): 50, 100, 200, 400,
    // 400 ms. The tries' start times are observed (the attempt count, read every millisecond) and each gap
    // held to the schedule: never shorter than its wait (less the observation's own delay of a few ms), and
    // once at the cap no longer growing (a gap near twice the cap is a back-off that kept doubling).
    const auto gaps = attemptGaps(sync, 6);
    REQUIRE(gaps.size() == 5);
    for (const auto& [attempt, gap] : gaps) {
        const auto wait = std::min(std::chrono::milliseconds(50LL << std::min<std::int64_t>(attempt - 1, 10)),
                                   std::chrono::milliseconds(400));
        INFO("after try " << attempt << ": " << gap.count() << " ms, scheduled wait " << wait.count()
                          << " ms");
        CHECK(gap >= wait - 15ms);
        if (wait == 400ms) CHECK(gap < 700ms);
    }
    CHECK(gaps.back().gap >= 385ms); // the cap is reached within the five gaps observed

    // The server comes back on the same address; a nudge ends the back-off at once.
    ServerOptions same;
    same.dataDir = dir / "server";
    same.port = port;
    auto back = SyncServer::create(same);
    REQUIRE_MESSAGE(back, (back ? "" : back.error().message));
    back->start();
    sync.nudge();
    CHECK(waitFor([&] { return sync.status().link == SyncLink::Online && sync.status().pending == 0; }, 5s));
    CHECK_FALSE(sync.status().lastError.has_value());
    CHECK(timeToStop(sync) < 1000ms);
    checkConverged(dir / "server" / "ledger.sqlite", {dock}, 10);
}

TEST_CASE("background sync: nudge syncs at once and stop is prompt even during a long wait") {
    ScratchDir dir;
    Central central(dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    REQUIRE(runSyncCommand(dock.path, central.url(), dock.token));
    auto options = fast(dock);
    options.timing.interval = 60s; // left alone, it would not sync again for a minute
    auto started = BackgroundSync::start(options);
    REQUIRE(started);
    auto& sync = *started;
    CHECK(waitFor([&] { return sync.status().link == SyncLink::Online; }));
    {
        auto ledger = dock.open();
        (void)doWork(ledger, 4, "nudged");
    }
    CHECK(waitFor([&] { return sync.status().pending == 8; })); // the count follows the outbox between syncs
    sync.nudge();
    CHECK(waitFor([&] { return sync.status().pending == 0; }, 5s));
    CHECK(timeToStop(sync) < 500ms);

    // A token the server refuses: Failing with the reason, not Offline.
    REQUIRE_FALSE(runSyncCommand(dock.path, central.url(), "lst_" + std::string(64, '0')));
    auto refused = BackgroundSync::start(fast(dock));
    REQUIRE(refused);
    CHECK(waitFor([&] { return refused->status().link == SyncLink::Failing; }));
    CHECK(refused->status().why.find("token") != std::string::npos);
}
