// RFID tags of lots travel through the record log and a real server (SQLite and PostgreSQL stores): a tag written at one
// station is found by a scan at another after sync, a voided tag stays voided everywhere, and serials a
// station assigns never meet another station's.
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include "lotstation/storage/lot_tags.hpp"
#include "lotstation/storage/quality_sync.hpp"

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

storage::Result<void> addTaggedItem(storage::Ledger& ledger) {
    storage::NewItem bar;
    bar.sku = "BAR";
    bar.name = "Tagged soap bar";
    bar.kind = storage::ItemKind::Finished;
    bar.uom = storage::Uom::Piece;
    bar.gtin = "4006381333931";
    bar.defaultLocation = "DOCK";
    auto added = ledger.addItem(bar);
    if (!added) return std::unexpected(added.error());
    return {};
}

template <typename T> T must(storage::Result<T> result) {
    REQUIRE_MESSAGE(result, (result ? "" : result.error().message));
    return std::move(*result);
}

} // namespace

TEST_CASE_TEMPLATE("RFID tags over sync: found at every station, voids travel, serials never collide", TestType,
                   LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    REQUIRE(central.open().editMaster(addTaggedItem));
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"), makeStation(dir, central, "shop", "S")};
    syncAll(central.url(), stations, 1);

    std::string lot;
    storage::LotTag written, spoiled;
    {
        auto dock = stations[0].open();
        lot = must(dock.receive({.sku = "BAR", .supplier = "ACME", .supplierLot = "B-1", .quantity = 40,
                                 .location = "DOCK", .user = "ann"}))
                  .lotCode;
        written = must(storage::tagLot(dock, {.lot = lot, .user = "ann"}));
        spoiled = must(storage::tagLot(dock, {.lot = lot, .user = "ann"}));
        must(storage::voidLotTag(dock, spoiled.id, "label not printed: printer did not answer", "ann"));
        CHECK(storage::tagsOfLot(dock, lot).size() == 1);
    }
    syncAll(central.url(), stations, 2);

    storage::LotTag own;
    {
        auto shop = stations[1].open();
        const auto found = must(storage::lotTag(shop, written.gtin, written.serial));
        CHECK(found.lot == lot);
        CHECK(found.id == written.id);
        CHECK(found.epcHex == written.epcHex);
        CHECK(found.stationId == written.stationId);
        const auto voided = storage::lotTag(shop, spoiled.gtin, spoiled.serial);
        REQUIRE_FALSE(voided);
        CHECK(voided.error().message == "the tag of GTIN " + spoiled.gtin + " serial " + spoiled.serial +
                                            " was voided (label not printed: printer did not answer): it names no lot");
        CHECK(storage::tagsOfLot(shop, lot).size() == 1);
        // The shop's own serials come from its own range, and its tag travels back.
        own = must(storage::tagLot(shop, {.lot = lot, .user = "ann"}));
        CHECK(own.serial != written.serial);
        CHECK(own.serial != spoiled.serial);
    }
    syncAll(central.url(), stations, 2);
    {
        auto dock = stations[0].open();
        CHECK(must(storage::lotTag(dock, own.gtin, own.serial)).lot == lot);
        CHECK(storage::tagsOfLot(dock, lot).size() == 2);
        // The dock's next serial follows the voided one: a spoiled serial is never used again.
        const auto next = must(storage::tagLot(dock, {.lot = lot, .user = "ann"}));
        CHECK(std::stoll(next.serial) == std::stoll(spoiled.serial) + 1);
    }
    // The server holds them too, in its record log (the SQLite store's is a ledger).
    if (!central.postgres()) {
        auto server = must(storage::Ledger::open(central.dataDir / "ledger.sqlite"));
        CHECK(must(storage::lotTag(server, written.gtin, written.serial)).lot == lot);
        CHECK_FALSE(storage::lotTag(server, spoiled.gtin, spoiled.serial));
    }
}

TEST_CASE_TEMPLATE("RFID tags over sync: the same serial given by hand at two stations is refused, never overwritten",
                   TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    REQUIRE(central.open().editMaster(addTaggedItem));
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"), makeStation(dir, central, "shop", "S")};
    syncAll(central.url(), stations, 1);
    std::string first, second;
    for (std::size_t i = 0; i < 2; ++i) {
        auto ledger = stations[i].open();
        const auto lot = must(ledger.receive({.sku = "BAR", .supplier = "ACME", .supplierLot = "H-" + std::to_string(i),
                                              .quantity = 5, .location = "DOCK", .user = "ann"}))
                             .lotCode;
        (i == 0 ? first : second) = lot;
        must(storage::tagLot(ledger, {.lot = lot, .serial = std::string("777"), .user = "ann"}));
    }
    auto dockSync = stations[0].client(central.url()).syncOnce();
    REQUIRE_MESSAGE(dockSync, (dockSync ? "" : dockSync.error().message));
    auto shopSync = stations[1].client(central.url()).syncOnce();
    REQUIRE_FALSE(shopSync);
    CHECK(shopSync.error().message.find("is already tag") != std::string::npos);
    auto shop = stations[1].open();
    CHECK(must(storage::lotTag(shop, "4006381333931", "777")).lot == second); // its own, untouched
    if (central.postgres()) return;
    auto server = must(storage::Ledger::open(central.dataDir / "ledger.sqlite"));
    CHECK(must(storage::lotTag(server, "4006381333931", "777")).lot == first);
}
