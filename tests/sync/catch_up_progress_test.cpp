// A station catching up shows how far it is: each pulled page reports movements pulled of all there are
// (the server's "remaining"), the status the window draws says the same while it runs, and a pull stopped
// when asked keeps what it applied and goes on from there at the next sync.
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include <utility>
#include <vector>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

TEST_CASE_TEMPLATE("catch-up: pull progress counts up to the total, and a stop goes on at the next sync", TestType,
                   LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    auto line = makeStation(dir, central, "line", "L");
    syncAll(central.url(), {dock, line}, 1);
    {
        auto ledger = dock.open();
        doWork(ledger, 30, "dock"); // 60 movements
    }
    REQUIRE(dock.client(central.url()).syncOnce());

    // Pages of 10: the line sees 10 of 60, 20 of 60, ... (the last page reports nothing: it is the end).
    std::vector<std::pair<std::int64_t, std::int64_t>> seen;
    ClientOptions options;
    options.pullBatch = 10;
    options.pullProgress = [&seen](std::int64_t done, std::int64_t total) {
        seen.emplace_back(done, total);
        return done < 20; // stop after the second page
    };
    auto client = line.client(central.url(), options);
    auto first = client.syncOnce();
    REQUIRE_MESSAGE(first, (first ? "" : first.error().message));
    REQUIRE(seen.size() == 2);
    CHECK((seen[0] == std::pair<std::int64_t, std::int64_t>{10, 60}));
    CHECK((seen[1] == std::pair<std::int64_t, std::int64_t>{20, 60}));
    CHECK(first->pulled == 20);
    REQUIRE_FALSE(first->notes.empty());
    CHECK(first->notes.back().find("pulling stopped when asked") != std::string::npos);
    CHECK_FALSE(client.status().catchingUp); // cleared when the sync ends

    // The next sync starts after what was applied: 40 more, none twice; the totals count from there.
    seen.clear();
    options.pullProgress = [&seen, &client](std::int64_t done, std::int64_t total) {
        seen.emplace_back(done, total);
        const auto status = client.status(); // what the window shows meanwhile
        CHECK(status.catchingUp);
        if (status.catchingUp) CHECK(status.catchingUp->done == done);
        return true;
    };
    client = line.client(central.url(), options);
    auto second = client.syncOnce();
    REQUIRE_MESSAGE(second, (second ? "" : second.error().message));
    CHECK(second->pulled == 40);
    CHECK(second->pulledPresent == 0);
    REQUIRE(seen.size() == 4); // the fourth page is full, so an empty fifth ends it
    CHECK((seen.front() == std::pair<std::int64_t, std::int64_t>{10, 40}));
    CHECK((seen.back() == std::pair<std::int64_t, std::int64_t>{40, 40}));
    checkConverged(central, {dock, line}, 60);
}
