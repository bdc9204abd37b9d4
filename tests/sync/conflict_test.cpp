// The server never refuses a movement for a business reason: two stations that use the same lot offline
// both land, and the negative stock is flagged as a conflict a supervisor sees and resolves.
#include "sync_fixture.hpp"
#include "test_support.hpp"

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

storage::Movement consumeOffline(storage::Ledger& ledger, const std::string& lot) {
    storage::StartRunRequest start;
    start.sku = "SOAP";
    start.planned = 100;
    start.workstation = "LINE";
    start.user = "ann";
    auto run = ledger.startRun(start);
    REQUIRE_MESSAGE(run, (run ? "" : run.error().message));
    storage::ConsumeRequest consume;
    consume.run = run->code;
    consume.lot = lot;
    consume.quantity = 7'000'000;
    consume.location = "DOCK";
    consume.user = "ann";
    auto used = ledger.consume(consume);
    REQUIRE_MESSAGE(used, (used ? "" : used.error().message));
    return *used;
}

storage::Movement receiveOil(storage::Ledger& ledger, std::int64_t quantity) {
    storage::ReceiveRequest receive;
    receive.sku = "OIL";
    receive.supplier = "ACME";
    receive.supplierLot = "A-77";
    receive.quantity = quantity;
    receive.location = "DOCK";
    receive.user = "ann";
    auto received = ledger.receive(receive);
    REQUIRE_MESSAGE(received, (received ? "" : received.error().message));
    return received->movement;
}

} // namespace

TEST_CASE_TEMPLATE("a restore makes a debit arrive before the receipt it used: the conflict closes by itself", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    std::vector<Station> stations{makeStation(dir, central, "a", "A"), makeStation(dir, central, "b", "B")};
    syncAll(central.url(), stations, 1);
    REQUIRE(central.open().backup(dir / "backup")); // before A's receipt
    auto a = stations[0].client(central.url());
    auto b = stations[1].client(central.url());
    storage::Movement receipt;
    {
        auto ledger = stations[0].open();
        receipt = receiveOil(ledger, 10'000'000); // 10 kg at DOCK
    }
    REQUIRE(a.syncOnce());
    REQUIRE(b.syncOnce());
    {
        auto ledger = stations[1].open();
        auto moved = ledger.move(
            {.lot = receipt.lot, .quantity = 1'000'000, .to = "LINE", .from = "DOCK", .user = "ann"});
        REQUIRE_MESSAGE(moved, (moved ? "" : moved.error().message));
    }
    REQUIRE(b.syncOnce());

    central.restore(dir / "backup");
    auto b2 = stations[1].client(central.url());
    REQUIRE(b2.syncOnce()); // B's move arrives first: DOCK dips to -1 kg for a moment
    {
        const auto open = central.open().conflicts().value();
        REQUIRE(open.size() == 1);
        CHECK(open.front().balanceText == "-1 kg");
    }
    auto a2 = stations[0].client(central.url());
    REQUIRE(a2.syncOnce()); // A's receipt arrives: the dip was arrival order, not a double use
    syncAll(central.url(), stations, 2);
    checkConverged(central, stations);

    auto store = central.open();
    CHECK(store.conflicts().value().empty());
    auto all = store.conflicts(true).value();
    REQUIRE(all.size() == 1);
    CHECK(all.front().clearedBy == receipt.id);
    CHECK(all.front().resolvedBy == "ledger");
    CHECK(all.front().balanceText == "9 kg");
    REQUIRE(all.front().note);
    CHECK(all.front().note->find("9 kg") != std::string::npos);
    REQUIRE(b2.syncOnce());
    CHECK(b2.status().conflictsOpen == 0);
}

TEST_CASE_TEMPLATE("two stations consume the same lot offline: both land and the negative stock is a conflict", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"),
                                  makeStation(dir, central, "line", "L")};
    syncAll(central.url(), stations, 1);
    std::string lot;
    {
        auto dock = stations[0].open();
        storage::ReceiveRequest receive;
        receive.sku = "OIL";
        receive.supplier = "ACME";
        receive.supplierLot = "A-77";
        receive.quantity = 10'000'000;
        receive.location = "DOCK";
        receive.user = "ann";
        auto received = dock.receive(receive);
        REQUIRE(received);
        lot = received->lotCode;
    }
    syncAll(central.url(), stations, 2);

    // Both offline: each station sees 10 kg and takes 7 kg.
    std::vector<std::string> ids;
    for (const auto& station : stations) {
        auto ledger = station.open();
        ids.push_back(consumeOffline(ledger, lot).id);
    }
    syncAll(central.url(), stations, 2);
    checkConverged(central, stations);

    auto store = central.open();
    auto conflicts = store.conflicts().value();
    REQUIRE(conflicts.size() == 1);
    const auto& conflict = conflicts.front();
    CHECK(conflict.lot == lot);
    CHECK(conflict.location == "DOCK");
    CHECK(conflict.balance == -4'000'000);
    CHECK(conflict.balanceText == "-4 kg"); // in the item's unit, not base units
    CHECK_FALSE(conflict.clearedBy);
    REQUIRE(conflict.movements.size() == 2);
    std::vector<std::string> involved{conflict.movements[0].id, conflict.movements[1].id};
    std::sort(involved.begin(), involved.end());
    std::sort(ids.begin(), ids.end());
    CHECK(involved == ids);
    CHECK(stations[1].open().onHand(lot, "DOCK").value() == -4'000'000);

    // Stations learn how many conflicts are open.
    auto client = stations[0].client(central.url());
    REQUIRE(client.syncOnce());
    CHECK(client.status().conflictsOpen == 1);

    auto resolved = store.resolveConflict(conflict.id, "sue", "counted 0 kg; adjusted");
    REQUIRE(resolved);
    CHECK(resolved->resolvedBy == "sue");
    CHECK(store.conflicts().value().empty());
    CHECK(store.conflicts(true).value().size() == 1);
    CHECK_FALSE(store.resolveConflict(999, "sue", ""));
    REQUIRE(client.syncOnce());
    CHECK(client.status().conflictsOpen == 0);
}
