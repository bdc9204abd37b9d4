// A server restored from an older backup keeps its epoch but has lower acked marks: stations notice and push
// again what it lost. A server with a new store (new epoch) gets everything again.
#include "sync_fixture.hpp"
#include "test_support.hpp"

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

bool mentions(const std::vector<std::string>& notes, const std::string& text) {
    for (const auto& note : notes)
        if (note.find(text) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE_TEMPLATE(
    "server restored from an older backup: stations notice the lower mark and push again what it lost", TestType,
    LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"),
                                  makeStation(dir, central, "line", "L")};
    syncAll(central.url(), stations, 1);
    for (const auto& station : stations) {
        auto ledger = station.open();
        (void)doWork(ledger, 3, station.name + "-early");
    }
    syncAll(central.url(), stations, 2);
    {
        auto backup = central.open().backup(dir / "backup"); // while serving
        REQUIRE_MESSAGE(backup, (backup ? "" : backup.error().message));
    }
    // More work after the backup, synced everywhere: the other station has it too.
    for (const auto& station : stations) {
        auto ledger = station.open();
        (void)doWork(ledger, 4, station.name + "-late");
    }
    syncAll(central.url(), stations, 2);
    const auto epoch = central.server->epoch();

    central.restore(dir / "backup");
    CHECK(central.server->epoch() == epoch); // a restored backup keeps its epoch
    CHECK(central.open().contents().value().movements.size() == 12);

    auto dock = stations[0].client(central.url());
    auto summary = dock.syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(mentions(summary->notes, "restored from a backup"));
    CHECK(summary->pushed == 8);
    CHECK(summary->acked == 14);
    syncAll(central.url(), stations, 2);
    checkConverged(central, stations, 28);
}

TEST_CASE("server with a new store new epoch: stations notice and push everything again") {
    ScratchDir dir;
    auto central = std::make_unique<Central>(dir / "server");
    std::vector<Station> stations{makeStation(dir, *central, "dock", "D"),
                                  makeStation(dir, *central, "line", "L")};
    syncAll(central->url(), stations, 1);
    for (const auto& station : stations) {
        auto ledger = station.open();
        (void)doWork(ledger, 2, station.name);
    }
    syncAll(central->url(), stations, 2);
    const auto oldEpoch = central->server->epoch();

    // The server's disk died; a new store is made and the stations are registered again.
    central.reset();
    std::filesystem::remove_all(dir / "server");
    central = std::make_unique<Central>(dir / "server");
    CHECK(central->server->epoch() != oldEpoch);
    for (auto& station : stations)
        station.token = central->addStation(station.name);

    auto dock = stations[0].client(central->url());
    auto summary = dock.syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(mentions(summary->notes, "store is new"));
    CHECK(summary->pushed == 4);
    syncAll(central->url(), stations, 2);
    checkConverged(central->ledgerPath(), stations, 8);
}
