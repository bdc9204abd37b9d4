// Exactly once: every movement made on any station is on the server once and on every other station once,
// however often the stations sync; another station's new lot is known after a pull; master data flows down.
#include "sync_fixture.hpp"
#include "test_support.hpp"

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

TEST_CASE_TEMPLATE("three stations: every movement lands once on the server and once on every other station", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"),
                                  makeStation(dir, central, "line", "L"),
                                  makeStation(dir, central, "office", "O")};
    syncAll(central.url(), stations, 1); // master data first
    std::vector<std::string> dockLots;
    for (std::size_t i = 0; i < stations.size(); ++i) {
        auto ledger = stations[i].open();
        auto lots = doWork(ledger, 5, stations[i].name);
        if (i == 0) dockLots = lots;
    }
    syncAll(central.url(), stations, 2);
    checkConverged(central, stations, 30);

    // The dock's new lot is known at the line, with its item and supplier lot.
    auto line = stations[1].open();
    auto lot = line.lot(dockLots.front());
    REQUIRE(lot);
    CHECK(lot->sku == "OIL");
    CHECK(lot->supplierLot == "dock-0");
    CHECK(line.onHand(dockLots.front(), "DOCK").value() == 8'000'000);
    CHECK(line.onHand(dockLots.front(), "STORE").value() == 2'000'000);

    // Syncing again and again changes nothing: redelivery is a no-op.
    for (const auto& station : stations) {
        auto client = station.client(central.url());
        auto summary = client.syncOnce();
        REQUIRE(summary);
        CHECK(summary->pushed == 0);
        CHECK(summary->pulled == 0);
        CHECK(summary->pending == 0);
        CHECK(summary->acked == 10);
    }
    checkConverged(central, stations, 30);
}

// Texts are stored by the server inside JSON bodies (and on PostgreSQL sent by COPY, whose text format
// gives backslash, tab and newline a meaning of their own): every character must come back as it went.
TEST_CASE_TEMPLATE("a reason with quotes, backslashes, tabs, newlines and accents reaches the other station intact", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"), makeStation(dir, central, "line", "L")};
    syncAll(central.url(), stations, 1);
    const std::string reason = "dropped \"by\" C:\\floor\\bay 3\tshelf\nsecond line\r\n\\N crème brûlée 🧼";
    std::string scrapId;
    {
        auto dock = stations[0].open();
        const auto lots = doWork(dock, 1, "odd");
        auto scrapped = dock.scrap({.lot = lots.front(), .quantity = 1'000, .location = "DOCK", .reason = reason,
                                    .user = "ann"});
        REQUIRE_MESSAGE(scrapped, (scrapped ? "" : scrapped.error().message));
        scrapId = scrapped->id;
    }
    syncAll(central.url(), stations, 2);
    checkConverged(central, stations, 3);
    auto line = stations[1].open();
    const auto arrived = line.movement(scrapId);
    REQUIRE(arrived);
    CHECK(arrived->reason == reason);
}

TEST_CASE_TEMPLATE("master data made on the server arrives at a new station - the station can then work", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto station = makeStation(dir, central, "dock", "D");
    auto client = station.client(central.url());
    auto summary = client.syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(summary->masterAdded >= 9);
    auto ledger = station.open();
    auto oil = ledger.item("OIL");
    REQUIRE(oil);
    CHECK(oil->defaultLocation == "DOCK");
    CHECK((ledger.location("LINE")->kind == storage::LocationKind::Workstation));
    CHECK(ledger.supplier("ACME"));
    CHECK(ledger.customer("SHOP"));
    CHECK((ledger.user("sue")->role == storage::UserRole::Supervisor));
    CHECK_FALSE(ledger.user("sue")->hasPin); // PINs never travel
    auto recipe = ledger.recipe("SOAP");
    REQUIRE(recipe);
    CHECK(recipe->components.size() == 1);
    CHECK(doWork(ledger, 1, "first").size() == 1);

    auto again = client.syncOnce();
    REQUIRE(again);
    CHECK(again->masterAdded == 0);
    CHECK(again->pushed == 2);
}

TEST_CASE_TEMPLATE("lotstation sync: a one-shot command that remembers its server and token", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto station = makeStation(dir, central, "dock", "D");
    auto unconfigured = runSyncCommand(station.path, std::nullopt, std::nullopt);
    REQUIRE_FALSE(unconfigured);
    CHECK(unconfigured.error().message.find("--server") != std::string::npos);

    auto first = runSyncCommand(station.path, central.url(), station.token);
    REQUIRE_MESSAGE(first, (first ? "" : first.error().message));
    CHECK(first->find("master data:") != std::string::npos);
    {
        auto ledger = station.open();
        (void)doWork(ledger, 2, "cli");
    }
    auto second = runSyncCommand(station.path, std::nullopt, std::nullopt);
    REQUIRE_MESSAGE(second, (second ? "" : second.error().message));
    CHECK(second->find("pushed 4 movement(s)") != std::string::npos);
    checkConverged(central, {station}, 4);

    auto missing = runSyncCommand(dir / "nothing.sqlite", central.url(), station.token);
    REQUIRE_FALSE(missing);
}
